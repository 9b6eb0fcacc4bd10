using System;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// Objects allocated inside the transaction: allocate one and do 10 read-modify-writes on it. Fresh objects
/// need no read marker and no ownership, so the stm figure should be the empty transaction plus plain work.
/// </summary>
public class FreshObjectBenchmarks
{
    private const int Updates = 10;
    private readonly object _gate = new();
    private Func<long> _body = null!;

    [GlobalSetup]
    public void Setup() => _body = static () => Update(new Box(1));

    // plain: allocate + 10 read-modify-writes
    [Benchmark(Baseline = true)]
    public long Plain_AllocateAndUpdate() => Update(new PlainBox(1));

    // lock: the same under a lock
    [Benchmark]
    public long Lock_AllocateAndUpdate()
    {
        lock (_gate)
        {
            return Update(new PlainBox(1));
        }
    }

    // stm: the same on a fresh object, in a transaction
    [Benchmark]
    public long Stm_FreshObjectAllocateAndUpdate() => Atomic.Run(_body);

    private static long Update(Box box)
    {
        for (int i = 0; i < Updates; i++)
        {
            box.Value = box.Value + i;
        }

        return box.Value;
    }

    private static long Update(PlainBox box)
    {
        for (int i = 0; i < Updates; i++)
        {
            box.Value = box.Value + i;
        }

        return box.Value;
    }
}
