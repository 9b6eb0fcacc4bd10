using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Stm.Scaling.Workloads;

namespace Stm.Scaling.Harness;

/// <summary>The command line. See <see cref="Usage"/>.</summary>
internal sealed record HarnessOptions
{
    public const string Usage = """
        Stm.Scaling: the seed workloads in plain / lock / stm variants, and the langext peer (LanguageExt.Core's STM)
        for comparison; every cell runs in a fresh process.

          --all                    every workload (the default when --workloads is not given)
          --workloads a,b          workloads to run: square, trees, trees2, richards, bank-1M, bank-64, intset, counter, counter-tcounter, primes
          --threads 1,2            thread counts for lock, stm and langext, and for plain where its code needs no locks (else 1); default 1,2
          --variants plain,lock,stm,langext  variants to run (default all four; plain,lock,stm leaves the peer out)
          --seconds 2              measured wall time per cell, after warm-up
          --warmup 1               warm-up time per cell (the JIT reaches its final code; not measured)
          --repeat 1               run every cell this many times (each in a fresh process) and keep the median
          --timeout 180            seconds before a cell process is killed and reported as failed
          --peer-timeout 30        the same for langext cells (the smaller of the two applies)
          --cell w:v:t             (internal) run one cell in this process and print its result line
          --help                   this text

        The markdown table goes to standard output, progress to standard error. Exit code 1 if any plain, lock or
        stm cell failed (crashed, timed out, or broke its workload's invariant); a failed langext cell shows in
        the table as "failed: <reason>" and does not change the exit code.
        """;

    public IReadOnlyList<string> Workloads { get; init; } = WorkloadCatalog.Names;

    public IReadOnlyList<int> Threads { get; init; } = [1, 2];

    public IReadOnlyList<Variant> Variants { get; init; } = [Variant.Plain, Variant.Lock, Variant.Stm, Variant.LangExt];

    public double Seconds { get; init; } = 2;

    public double Warmup { get; init; } = 1;

    public double Timeout { get; init; } = 180;

    /// <summary>The timeout of peer cells: a peer that livelocks should not hold up the run for long.</summary>
    public double PeerTimeout { get; init; } = 30;

    public int Repeat { get; init; } = 1;

    public CellSpec? Cell { get; init; }

    public bool Help { get; init; }

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value");
            options = arg switch
            {
                "--all" => options with { Workloads = WorkloadCatalog.Names },
                "--workloads" => options with { Workloads = ParseWorkloads(Value()) },
                "--threads" => options with { Threads = ParseThreads(Value()) },
                "--variants" => options with { Variants = List(Value()).Select(VariantNames.Parse).Distinct().ToArray() },
                "--seconds" => options with { Seconds = Positive(arg, Value()) },
                "--warmup" => options with { Warmup = NonNegative(arg, Value()) },
                "--timeout" => options with { Timeout = Positive(arg, Value()) },
                "--peer-timeout" => options with { PeerTimeout = Positive(arg, Value()) },
                "--repeat" => options with { Repeat = (int)Positive(arg, Value()) },
                "--cell" => options with { Cell = CellSpec.Parse(Value()) },
                "--help" or "-h" => options with { Help = true },
                _ => throw new FormatException($"unknown option '{arg}'"),
            };
        }

        return options;
    }

    /// <summary>The options a cell process needs to run <paramref name="cell"/> the way this driver was asked to.</summary>
    public IReadOnlyList<string> CellArguments(CellSpec cell) =>
    [
        "--cell", cell.ToString(),
        "--seconds", Seconds.ToString("R", CultureInfo.InvariantCulture),
        "--warmup", Warmup.ToString("R", CultureInfo.InvariantCulture),
    ];

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] ParseWorkloads(string value)
    {
        string[] names = List(value);
        foreach (string name in names)
        {
            if (!WorkloadCatalog.Names.Contains(name))
            {
                throw new FormatException($"unknown workload '{name}'; known: {string.Join(", ", WorkloadCatalog.Names)}");
            }
        }

        return names;
    }

    private static int[] ParseThreads(string value)
    {
        int[] threads = List(value).Select(t => int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
        return threads.Length > 0 && threads[0] >= 1 ? threads : throw new FormatException("--threads needs positive counts, e.g. 1,2,4");
    }

    private static double Positive(string option, string value)
    {
        double number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new FormatException($"{option} must be positive");
    }

    private static double NonNegative(string option, string value)
    {
        double number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return number >= 0 ? number : throw new FormatException($"{option} must not be negative");
    }
}
