using System.Collections.Generic;
using System.Linq;

namespace Stm.Scaling.Harness;

/// <summary>The scaling targets of DESIGN §6, checked against one run's results.</summary>
internal static class TargetCheck
{
    /// <summary>One thread, stm throughput / plain throughput must reach these.</summary>
    public static IReadOnlyDictionary<string, double> SingleThreadRatio { get; } = new Dictionary<string, double>
    {
        ["square"] = 0.95,
        ["primes"] = 0.95,
        ["trees"] = 0.5,
        ["trees2"] = 0.5,
        ["richards"] = 0.5,
        ["bank-1M"] = 0.4,
        ["intset"] = 0.3,
        ["bank-64"] = 0.1,
    };

    /// <summary>Conflict-free workloads: stm at 2 threads must reach this multiple of stm at 1 thread.</summary>
    public static IReadOnlyDictionary<string, double> TwoThreadSpeedup { get; } = new Dictionary<string, double>
    {
        ["square"] = 1.8,
        ["trees"] = 1.8,
        ["trees2"] = 1.8,
        ["richards"] = 1.8,
        ["primes"] = 1.8,
        ["bank-1M"] = 1.8,
    };

    public static IEnumerable<(string Target, string Workload, double? Measured, string Required, bool? Met)> Evaluate(ResultGrid grid)
    {
        foreach ((string workload, double required) in SingleThreadRatio.Where(t => grid.Has(t.Key)))
        {
            double? measured = grid.Ratio(workload, Variant.Stm, 1, Variant.Plain, 1);
            yield return ("1 thread: stm / plain", workload, measured, $"≥ {required:0.##}", AtLeast(measured, required));
        }

        foreach ((string workload, double required) in TwoThreadSpeedup.Where(t => grid.Has(t.Key)))
        {
            double? measured = grid.Ratio(workload, Variant.Stm, 2, Variant.Stm, 1);
            yield return ("stm 2 threads / stm 1 thread", workload, measured, $"≥ {required:0.##}", AtLeast(measured, required));
        }

        foreach (string workload in grid.Workloads)
        {
            double? measured = grid.Ratio(workload, Variant.Stm, 2, Variant.Lock, 2);
            yield return ("2 threads: stm / lock", workload, measured, "> 1", measured is null ? null : measured > 1);
        }

        if (grid.Has("counter-tcounter"))
        {
            double? measured = grid.Ratio("counter-tcounter", Variant.Stm, 2, Variant.Stm, 1);
            yield return ("counter with TCounter: stm 2 threads / stm 1 thread", "counter-tcounter", measured, "≥ 1.5", AtLeast(measured, 1.5));
        }
    }

    /// <summary>Null (not measured) when a cell is missing or failed; otherwise whether the ratio reaches the bound.</summary>
    private static bool? AtLeast(double? measured, double required) => measured is null ? null : measured >= required;
}
