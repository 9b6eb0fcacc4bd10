using System.Collections.Generic;
using System.Linq;

namespace Stm.Scaling.Harness;

/// <summary>The results of one run, looked up by workload, variant and thread count.</summary>
internal sealed class ResultGrid(IReadOnlyList<CellResult> results)
{
    public IEnumerable<string> Workloads => results.Select(r => r.Spec.Workload).Distinct();

    public bool Has(string workload) => results.Any(r => r.Spec.Workload == workload);

    public CellResult? Find(string workload, Variant variant, int threads) =>
        results.FirstOrDefault(r => r.Spec == new CellSpec(workload, variant, threads));

    /// <summary>Throughput of the first cell over the second, or null if either is missing or failed.</summary>
    public double? Ratio(string workload, Variant variant, int threads, Variant baseVariant, int baseThreads)
    {
        CellResult? cell = Find(workload, variant, threads);
        CellResult? baseline = Find(workload, baseVariant, baseThreads);
        if (cell is not { Succeeded: true } || baseline is not { Succeeded: true } || baseline.TransactionsPerSecond <= 0)
        {
            return null;
        }

        return cell.TransactionsPerSecond / baseline.TransactionsPerSecond;
    }
}
