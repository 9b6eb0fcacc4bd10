using System;
using BenchmarkDotNet.Attributes;

namespace Stm.Benchmarks;

/// <summary>
/// The fixed cost of a transaction that does nothing, against calling the same delegate plainly or under a lock.
/// No ratio column: the plain call measures about 0 ns after BenchmarkDotNet subtracts its overhead.
/// </summary>
public class TransactionBenchmarks
{
    private readonly object _gate = new();
    private readonly Action _empty = static () => { };

    // plain: call an empty delegate
    [Benchmark]
    public void Plain_CallEmptyDelegate() => _empty();

    // lock: empty delegate under a lock
    [Benchmark]
    public void Lock_EmptyDelegate()
    {
        lock (_gate)
        {
            _empty();
        }
    }

    // stm: empty transaction
    [Benchmark]
    public void Stm_EmptyTransaction() => Atomic.Run(_empty);
}
