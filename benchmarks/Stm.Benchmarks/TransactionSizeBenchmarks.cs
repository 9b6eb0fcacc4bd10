using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// How much work a transaction needs for a second thread to pay: <see cref="Atomic.ForEach{T}"/> over
/// <see cref="Items"/> items, each a transaction that does <see cref="Work"/> dependent square roots (the body's own
/// work, out of line) and writes the result to its own <see cref="Box"/> (no conflicts), on one thread (the baseline)
/// and on two. Every writing commit takes the global commit lock, so a body with little work of its own runs no
/// faster on two threads (they take turns at the lock); the ratio column is the two-thread time over the one-thread
/// time for each body size.
/// </summary>
public class TransactionSizeBenchmarks
{
    private const int Items = 2_000;
    private int[] _items = null!;
    private Box[] _boxes = null!;

    /// <summary>Changes every invocation, so that every item writes a new value (the same value again is a silent write: a read).</summary>
    private long _round;

    /// <summary>Dependent square roots per item: 0 (a bare write), then roughly 0.15, 0.65 and 2.7 µs of work on this machine.</summary>
    [Params(0, 25, 100, 400)]
    public int Work { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _items = new int[Items];
        for (int i = 0; i < Items; i++)
        {
            _items[i] = i;
        }

        _boxes = Atomic.Run(() =>
        {
            var boxes = new Box[Items];
            for (int i = 0; i < Items; i++)
            {
                boxes[i] = new Box(0);
            }

            return boxes;
        });
    }

    // baseline: the same loop on the calling thread alone
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public void Stm_ForEach_OneThread()
    {
        _round++;
        Atomic.ForEach(_items, Body, maxParallelism: 1);
    }

    // the same loop on two threads: a ratio under 1 is a speed-up
    [Benchmark(OperationsPerInvoke = Items)]
    public void Stm_ForEach_TwoThreads()
    {
        _round++;
        Atomic.ForEach(_items, Body, maxParallelism: 2);
    }

    private void Body(int i) => _boxes[i].Value = (long)SquareRoots(Work, i) + _round;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SquareRoots(int count, int seed)
    {
        double x = seed;
        for (int k = 0; k < count; k++)
        {
            x = Math.Sqrt(x + k);
        }

        return x;
    }
}
