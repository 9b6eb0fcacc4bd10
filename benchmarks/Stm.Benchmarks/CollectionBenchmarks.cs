using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Stm.Collections;

namespace Stm.Benchmarks;

/// <summary>
/// The runtime's own collections against the BCL's, per operation: <see cref="Fixtures.Batch"/> lookups, reads or
/// writes per invocation (OperationsPerInvoke), the transactional ones in one transaction (so each figure includes
/// 1/1000 of its start and commit). Their nodes are hand-written transactional objects, so these rows price the
/// runtime's barriers as the collections call them.
/// </summary>
public class CollectionBenchmarks
{
    private readonly Dictionary<int, long> _plainDictionary = [];
    private readonly List<long> _plainList = [];
    private TDictionary<int, long> _dictionary = null!;
    private TList<long> _list = null!;
    private Func<long> _lookups = null!;
    private Func<long> _listReads = null!;
    private Action _listWrites = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dictionary = new TDictionary<int, long>(Fixtures.Batch * 2);
        var items = new long[Fixtures.Batch];
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            _plainDictionary[i] = i;
            _plainList.Add(i);
            items[i] = i;
        }

        Atomic.Run(() =>
        {
            for (int i = 0; i < Fixtures.Batch; i++)
            {
                _dictionary[i] = i;
            }
        });
        _list = new TList<long>(items);
        _lookups = LookUpAll;
        _listReads = ReadAll;
        _listWrites = IncrementAll;
    }

    // plain: Dictionary<int, long>.TryGetValue of every key
    [Benchmark(Baseline = true, OperationsPerInvoke = Fixtures.Batch)]
    public long Plain_DictionaryLookups()
    {
        long sum = 0;
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            if (_plainDictionary.TryGetValue(i, out long value))
            {
                sum += value;
            }
        }

        return sum;
    }

    // stm: TDictionary<int, long>.TryGetValue of every key, in one transaction
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Stm_DictionaryLookups() => Atomic.Run(_lookups);

    // plain: List<long> indexer reads
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Plain_ListReads()
    {
        long sum = 0;
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            sum += _plainList[i];
        }

        return sum;
    }

    // stm: TList<long> indexer reads, in one transaction
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public long Stm_ListReads() => Atomic.Run(_listReads);

    // plain: List<long> read-modify-write of every slot
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Plain_ListWrites()
    {
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            _plainList[i]++;
        }
    }

    // stm: TList<long> read-modify-write of every slot (a first write to each), in one transaction
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Stm_ListWrites() => Atomic.Run(_listWrites);

    private long LookUpAll()
    {
        long sum = 0;
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            if (_dictionary.TryGetValue(i, out long value))
            {
                sum += value;
            }
        }

        return sum;
    }

    private long ReadAll()
    {
        long sum = 0;
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            sum += _list[i];
        }

        return sum;
    }

    private void IncrementAll()
    {
        for (int i = 0; i < Fixtures.Batch; i++)
        {
            _list[i]++;
        }
    }
}
