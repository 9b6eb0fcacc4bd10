using System;
using BenchmarkDotNet.Attributes;

namespace Stm.Benchmarks;

/// <summary>The fixed cost of a transaction that does nothing, against calling the same delegate plainly or under a lock.</summary>
public class TransactionBenchmarks
{
    private readonly object _gate = new();
    private readonly Action _empty = static () => { };

    [Benchmark(Baseline = true, Description = "plain: call an empty delegate")]
    public void PlainCall() => _empty();

    [Benchmark(Description = "lock: empty delegate under a lock")]
    public void LockedCall()
    {
        lock (_gate)
        {
            _empty();
        }
    }

    [Benchmark(Description = "stm: empty transaction")]
    public void EmptyTransaction() => Atomic.Run(_empty);
}
