using System;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// Write costs. "first write" is a whole transaction writing one object (subtract the empty transaction for
/// the barrier alone); "repeated write" writes one already-owned object <see cref="Fixtures.Batch"/> times per
/// transaction and reports nanoseconds per write. Every write stores a new value, so none is a silent write.
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

    [Benchmark(Baseline = true, Description = "plain: write a field")]
    public void PlainWrite() => _plain.Value = ++_next;

    [Benchmark(Description = "lock: write a field under a lock")]
    public void LockedWrite()
    {
        lock (_gate)
        {
            _plain.Value = ++_next;
        }
    }

    [Benchmark(Description = "stm: transaction with one first write")]
    public void FirstWriteTransaction() => Atomic.Run(_writeOnce);

    [Benchmark(OperationsPerInvoke = Fixtures.Batch, Description = "plain: repeated write (per write)")]
    public void PlainRepeatedWrite()
    {
        PlainBox box = _plain;
        long next = _next;
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            box.Value = ++next;
        }

        _next = next;
    }

    [Benchmark(OperationsPerInvoke = Fixtures.Batch, Description = "stm: repeated write of an owned object (per write)")]
    public void RepeatedWrite() => Atomic.Run(_writeRepeatedly);
}
