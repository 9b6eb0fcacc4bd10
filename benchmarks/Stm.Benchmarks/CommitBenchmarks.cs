using System;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>A whole transaction writing <see cref="Writes"/> distinct objects (first write, private copy, commit, publication).</summary>
public class CommitBenchmarks
{
    private readonly object _gate = new();
    private Box[] _boxes = [];
    private PlainBox[] _plain = [];
    private long _next;
    private Action _body = null!;

    [Params(1, 10, 100)]
    public int Writes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _boxes = Fixtures.DistinctBoxes(Writes);
        _plain = Fixtures.DistinctPlainBoxes(Writes);
        _body = () =>
        {
            long value = ++_next;
            Box[] boxes = _boxes;
            for (int i = 0; i < boxes.Length; i++)
            {
                boxes[i].Value = value;
            }
        };
    }

    // plain: N field writes
    [Benchmark(Baseline = true)]
    public void Plain_Writes()
    {
        long value = ++_next;
        PlainBox[] boxes = _plain;
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i].Value = value;
        }
    }

    // lock: N field writes under one lock
    [Benchmark]
    public void Lock_Writes()
    {
        lock (_gate)
        {
            Plain_Writes();
        }
    }

    // stm: transaction committing N writes
    [Benchmark]
    public void Stm_CommitWrites() => Atomic.Run(_body);
}
