using System;
using System.Collections.Generic;

namespace Stm.Scaling.Workloads;

/// <summary>The workloads by name, in the order the table lists them.</summary>
internal static class WorkloadCatalog
{
    public static IReadOnlyList<string> Names { get; } =
        ["square", "trees", "trees2", "richards", "bank-1M", "bank-64", "intset", "counter", "counter-tcounter", "primes"];

    public static Workload Create(string name) => name switch
    {
        "square" => new SquareWorkload(),
        "trees" => new TreesWorkload(),
        "trees2" => new Trees2Workload(),
        "richards" => new RichardsWorkload(),
        "bank-1M" => new BankWorkload(1_000_000),
        "bank-64" => new BankWorkload(64),
        "intset" => new IntSetWorkload(),
        "counter" => new CounterWorkload(useTCounter: false),
        "counter-tcounter" => new CounterWorkload(useTCounter: true),
        "primes" => new PrimesWorkload(),
        _ => throw new ArgumentException($"unknown workload '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
