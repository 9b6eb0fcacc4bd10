using System;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// Per-read costs. Each invocation does <see cref="Fixtures.Batch"/> reads (OperationsPerInvoke), so the
/// figures are nanoseconds per read; the transactional ones include 1/1000 of a transaction's start and commit.
/// </summary>
public class ReadBenchmarks
{
    private readonly object _gate = new();
    private Box[] _same = [];
    private Box[] _distinct = [];
    private PlainBox[] _plainSame = [];
    private PlainBox[] _plainDistinct = [];
    private Func<long> _repeatedReads = null!;
    private Func<long> _firstReads = null!;
    private Func<long> _oneRead = null!;

    [GlobalSetup]
    public void Setup()
    {
        Box box = Fixtures.DistinctBoxes(1)[0];
        _same = Fixtures.Repeated(box, Fixtures.Batch);
        _distinct = Fixtures.DistinctBoxes(Fixtures.Batch);
        _plainSame = Fixtures.Repeated(new PlainBox(1), Fixtures.Batch);
        _plainDistinct = Fixtures.DistinctPlainBoxes(Fixtures.Batch);
        _repeatedReads = () => Sum(_same);
        _firstReads = () => Sum(_distinct);
        _oneRead = () => _same[0].Value;
    }

    // plain: read a field (same object)
    [Benchmark(Baseline = true, OperationsPerInvoke = Fixtures.Batch)]
    public long Plain_ReadSameObject() => Sum(_plainSame);

    // plain: read a field (distinct objects)
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Plain_ReadDistinctObjects() => Sum(_plainDistinct);

    // lock: one lock per read
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Lock_OneLockPerRead()
    {
        long sum = 0;
        PlainBox[] boxes = _plainSame;
        for (int i = 0; i < boxes.Length; i++)
        {
            lock (_gate)
            {
                sum += boxes[i].Value;
            }
        }

        return sum;
    }

    // stm: read outside any transaction
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Stm_ReadOutsideTransaction() => Sum(_same);

    // stm: repeated read (same object, in one transaction)
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Stm_RepeatedRead() => Atomic.Run(_repeatedReads);

    // stm: first read (distinct objects, in one transaction). A first attempt logs its first 32 reads and then stops
    // logging (snapshot reads), so most of these take the barrier's shortest path; the memory table times logged reads.
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Stm_FirstRead() => Atomic.Run(_firstReads);

    // stm: transaction with one read (not per read)
    [Benchmark]
    public long Stm_TransactionWithOneRead() => Atomic.Run(_oneRead);

    private static long Sum(Box[] boxes)
    {
        long sum = 0;
        for (int i = 0; i < boxes.Length; i++)
        {
            sum += boxes[i].Value;
        }

        return sum;
    }

    private static long Sum(PlainBox[] boxes)
    {
        long sum = 0;
        for (int i = 0; i < boxes.Length; i++)
        {
            sum += boxes[i].Value;
        }

        return sum;
    }
}
