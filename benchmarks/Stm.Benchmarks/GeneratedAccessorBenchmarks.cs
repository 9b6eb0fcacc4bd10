using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// The generated accessors of <see cref="Box"/> against the same barrier calls written by hand
/// (<see cref="HandWrittenBox"/>): the generator must add nothing. Per category, the hand-written row is the
/// baseline and the generated row's ratio should be 1.00. Per-access rows: nanoseconds per access.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratedAccessorBenchmarks
{
    private Box[] _boxes = [];
    private HandWrittenBox[] _handWritten = [];
    private Func<long> _readGenerated = null!;
    private Func<long> _readHandWritten = null!;
    private Action _writeGenerated = null!;
    private Action _writeHandWritten = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _boxes = Fixtures.Repeated(Fixtures.DistinctBoxes(1)[0], Fixtures.Batch);
        var handWritten = Atomic.Run(() => new HandWrittenBox(0));
        _handWritten = Fixtures.Repeated(handWritten, Fixtures.Batch);
        _readGenerated = () => Sum(_boxes);
        _readHandWritten = () => Sum(_handWritten);
        _writeGenerated = () =>
        {
            Box[] boxes = _boxes;
            for (int i = 0; i < boxes.Length; i++)
            {
                boxes[i].Value = ++_next;
            }
        };
        _writeHandWritten = () =>
        {
            HandWrittenBox[] boxes = _handWritten;
            for (int i = 0; i < boxes.Length; i++)
            {
                boxes[i].Value = ++_next;
            }
        };
    }

    [BenchmarkCategory("read in a transaction"), Benchmark(Baseline = true, OperationsPerInvoke = Fixtures.Batch)]
    public long HandWritten_RepeatedRead() => Atomic.Run(_readHandWritten);

    [BenchmarkCategory("read in a transaction"), Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Generated_RepeatedRead() => Atomic.Run(_readGenerated);

    [BenchmarkCategory("read outside"), Benchmark(Baseline = true, OperationsPerInvoke = Fixtures.Batch)]
    public long HandWritten_ReadOutside() => Sum(_handWritten);

    [BenchmarkCategory("read outside"), Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Generated_ReadOutside() => Sum(_boxes);

    [BenchmarkCategory("write in a transaction"), Benchmark(Baseline = true, OperationsPerInvoke = Fixtures.Batch)]
    public void HandWritten_RepeatedWrite() => Atomic.Run(_writeHandWritten);

    [BenchmarkCategory("write in a transaction"), Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Generated_RepeatedWrite() => Atomic.Run(_writeGenerated);

    private static long Sum(Box[] boxes)
    {
        long sum = 0;
        for (int i = 0; i < boxes.Length; i++)
        {
            sum += boxes[i].Value;
        }

        return sum;
    }

    private static long Sum(HandWrittenBox[] boxes)
    {
        long sum = 0;
        for (int i = 0; i < boxes.Length; i++)
        {
            sum += boxes[i].Value;
        }

        return sum;
    }
}
