using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// What <see cref="Atomic.ForEach{T}"/> costs as a loop, per call: <see cref="Items"/> items, each incrementing its own
/// <see cref="Box"/> (no conflicts), on two threads. The baseline is the loop a user would write without it:
/// <c>Parallel.ForEach</c> with an <see cref="Atomic.Run(Action)"/> per item, on the same boxes. A small loop prices
/// handing work to the loop's threads; a large one the per-item overhead.
/// </summary>
public class ParallelLoopBenchmarks
{
    private static readonly ParallelOptions s_twoThreads = new() { MaxDegreeOfParallelism = 2 };
    private int[] _items = null!;
    private Box[] _boxes = null!;

    /// <summary>Items per loop.</summary>
    [Params(10, 10_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _items = new int[Items];
        _boxes = new Box[Items];
        for (int i = 0; i < Items; i++)
        {
            _items[i] = i;
        }

        Atomic.Run(() =>
        {
            for (int i = 0; i < _boxes.Length; i++)
            {
                _boxes[i] = new Box(0);
            }
        });
    }

    // baseline: the BCL's parallel loop, one transaction per item
    [Benchmark(Baseline = true)]
    public void ParallelForEach_AtomicRun() =>
        Parallel.ForEach(_items, s_twoThreads, i => Atomic.Run(() => _boxes[i].Value++));

    // the product's loop: each item its own transaction
    [Benchmark]
    public void Stm_ForEach() => Atomic.ForEach(_items, i => _boxes[i].Value++, maxParallelism: 2);
}
