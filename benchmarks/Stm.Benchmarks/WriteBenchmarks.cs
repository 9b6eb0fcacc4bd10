using System;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// Write costs. "first write" is a whole transaction writing one object (subtract the empty transaction for
/// the barrier alone); "repeated write" writes one already-owned object <see cref="Fixtures.Batch"/> times per
/// transaction and reports nanoseconds per write. Every write stores a new value, so none is a silent write.
/// No ratio column: a plain field write measures about 0 ns after BenchmarkDotNet subtracts its overhead.
/// </summary>
public class WriteBenchmarks
{
    private readonly object _gate = new();
    private Box _box = null!;
    private PlainBox _plain = null!;
    private long _next;
    private Action _writeOnce = null!;
    private Action _writeRepeatedly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _box = Fixtures.DistinctBoxes(1)[0];
        _plain = new PlainBox(0);
        _writeOnce = () => _box.Value = ++_next;
        _writeRepeatedly = () =>
        {
            Box box = _box;
            long next = _next;
            for (int i = 0; i < Fixtures.Batch; i++)
            {
                box.Value = ++next;
            }

            _next = next;
        };
    }

    // plain: write a field
    [Benchmark]
    public void Plain_Write() => _plain.Value = ++_next;

    // lock: write a field under a lock
    [Benchmark]
    public void Lock_Write()
    {
        lock (_gate)
        {
            _plain.Value = ++_next;
        }
    }

    // stm: transaction with one first write
    [Benchmark]
    public void Stm_TransactionWithOneFirstWrite() => Atomic.Run(_writeOnce);

    // plain: repeated write (per write)
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Plain_RepeatedWrite()
    {
        PlainBox box = _plain;
        long next = _next;
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            box.Value = ++next;
        }

        _next = next;
    }

    // stm: repeated write of an owned object (per write)
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Stm_RepeatedWrite() => Atomic.Run(_writeRepeatedly);
}
