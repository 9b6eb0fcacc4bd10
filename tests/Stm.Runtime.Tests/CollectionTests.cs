using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Collections;
using Xunit;

namespace Stm.Runtime.Tests;

public class CollectionTests
{
    private sealed class ConstantHash : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y;

        public int GetHashCode(int obj) => 42;
    }

    [Fact]
    public void A_dictionary_whose_keys_all_collide_does_not_grow_its_table_for_them()
    {
        // Doubling cannot split a chain of equal hashes; the table used to double on every insert past 8 such keys
        // (84 MB for 24 keys, out of memory at ~31).
        var map = new TDictionary<int, int>(comparer: new ConstantHash());
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 24; i++)
        {
            Atomic.Run(() => map[i] = i * 10);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1_000_000, $"24 colliding keys allocated {allocated:N0} bytes");
        Assert.Equal(24, map.Count);
        for (int i = 0; i < 24; i++)
        {
            Assert.Equal(i * 10, map[i]);
        }
    }

    private static void RunThreads(int count, Action<int> body)
    {
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() => body(i))).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
    }

    [Fact]
    public void TQueue_consumers_block_until_producers_commit_and_every_item_arrives_once()
    {
        var queue = new TQueue<int>();
        const int Producers = 2, PerProducer = 5_000;
        var received = new int[Producers * PerProducer];
        var consumers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            while (true)
            {
                int item = queue.Dequeue(); // blocks (Retry) while empty
                if (item < 0)
                {
                    return;
                }

                Interlocked.Increment(ref received[item]);
            }
        })).ToArray();
        foreach (var c in consumers) c.Start();
        RunThreads(Producers, p =>
        {
            for (int i = 0; i < PerProducer; i++)
            {
                queue.Enqueue(p * PerProducer + i);
            }
        });
        queue.Enqueue(-1);
        queue.Enqueue(-1);
        foreach (var c in consumers) c.Join();
        Assert.All(received, n => Assert.Equal(1, n));
        int remaining = queue.Count;
        Assert.Equal(0, remaining);
    }

    [Fact]
    public void TQueue_is_fifo_and_rolls_back_with_its_transaction()
    {
        var queue = new TQueue<string>();
        queue.Enqueue("a");
        queue.Enqueue("b");
        Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
        {
            Assert.Equal("a", queue.Dequeue());
            queue.Enqueue("c");
            throw new InvalidOperationException("roll back");
        }));
        Assert.Equal(new[] { "a", "b" }, queue.ToArray());
        Assert.True(queue.TryPeek(out string? first));
        Assert.Equal("a", first);
        Assert.Equal("a", queue.Dequeue());
        Assert.Equal("b", queue.Dequeue());
        Assert.False(queue.TryDequeue(out _));
        // OrElse: an empty queue's Dequeue retries, so the alternative runs.
        Assert.Equal("empty", Atomic.OrElse(() => queue.Dequeue(), () => "empty"));
    }

    [Fact]
    public void TDictionary_updates_of_different_existing_keys_never_conflict()
    {
        var map = new TDictionary<int, long>();
        for (int k = 0; k < 1_000; k++)
        {
            map[k] = 0;
        }

        var before = Atomic.Statistics;
        RunThreads(2, t =>
        {
            for (int round = 0; round < 20; round++)
            {
                for (int k = t; k < 1_000; k += 2)
                {
                    Atomic.Run(() => map[k] = map[k] + 1);
                }
            }
        });
        Assert.Equal(0, Atomic.Statistics.Since(before).Aborts);
        Assert.All(Enumerable.Range(0, 1_000), k => Assert.Equal(20, map[k]));
    }

    [Fact]
    public void TDictionary_concurrent_inserts_grow_the_table_without_losing_keys()
    {
        var map = new TDictionary<int, int>(capacity: 16);
        RunThreads(4, t =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                int key = t * 5_000 + i;
                map.Add(key, key * 2);
            }
        });
        Assert.Equal(20_000, map.Count);
        Assert.Equal(20_000, map.Count());
        Assert.All(Enumerable.Range(0, 20_000), k => Assert.Equal(k * 2, map[k]));
    }

    [Fact]
    public void TDictionary_has_dictionary_semantics()
    {
        IDictionary<string, int> map = new TDictionary<string, int>(comparer: StringComparer.OrdinalIgnoreCase);
        map.Add("one", 1);
        map["Two"] = 2;
        Assert.Throws<ArgumentException>(() => map.Add("ONE", 10));
        Assert.Throws<KeyNotFoundException>(() => map["three"]);
        Assert.True(map.ContainsKey("TWO"));
        Assert.True(map.TryGetValue("one", out int one));
        Assert.Equal(1, one);
        Assert.Equal(new[] { "Two", "one" }, map.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.True(map.Remove("one"));
        Assert.False(map.Remove("one"));
        Assert.Single(map);
        map.Clear();
        Assert.Empty(map);
        Assert.Throws<ArgumentNullException>(() => map.Add(null!, 1));
    }

    [Fact]
    public void TDictionary_keys_and_values_are_read_only_snapshots()
    {
        var map = new TDictionary<int, string> { [1] = "a", [2] = "b" };
        ICollection<int> keys = map.Keys;
        ICollection<string> values = map.Values;
        Assert.True(keys.IsReadOnly);
        Assert.True(values.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => keys.Add(5));
        Assert.Throws<NotSupportedException>(() => keys.Remove(1));
        Assert.Throws<NotSupportedException>(() => values.Clear());
        Assert.Throws<NotSupportedException>(() => values.Add("c"));
        Assert.Equal(2, map.Count); // nothing was lost or added behind the caller's back
        map[3] = "c";
        Assert.Equal(new[] { 1, 2 }, keys.Order()); // a snapshot: later writes do not show in it
        Assert.Equal(new[] { 1, 2, 3 }, map.Keys.Order());
        Assert.Equal(new[] { "a", "b", "c" }, Atomic.Run(() => map.Values).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TList_writes_to_different_slots_never_conflict()
    {
        var list = new TList<long>(new long[64]);
        var before = Atomic.Statistics;
        RunThreads(2, t =>
        {
            for (int round = 0; round < 200; round++)
            {
                for (int i = t; i < 64; i += 2)
                {
                    Atomic.Run(() => list[i] = list[i] + 1);
                }
            }
        });
        Assert.Equal(0, Atomic.Statistics.Since(before).Aborts);
        Assert.All(list, v => Assert.Equal(200, v));
    }

    [Fact]
    public void TList_has_list_semantics_and_concurrent_adds_are_exact()
    {
        var list = new TList<int>();
        RunThreads(4, t =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                list.Add(t);
            }
        });
        Assert.Equal(8_000, list.Count);
        Assert.Equal(2_000, list.Count(x => x == 3));

        var small = new TList<string> { "a", "c" };
        small.Insert(1, "b");
        Assert.Equal(new[] { "a", "b", "c" }, small);
        small.RemoveAt(0);
        Assert.Equal(new[] { "b", "c" }, small);
        Assert.True(small.Remove("c"));
        Assert.Equal(0, small.IndexOf("b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => small[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => small.Insert(3, "x"));
        small.Insert(1, "end"); // at the count: appends
        Assert.Equal(new[] { "b", "end" }, small);
        small.RemoveAt(1);

        // The index as given, not reinterpreted as an unsigned number (4294967295).
        ArgumentOutOfRangeException negative = Assert.Throws<ArgumentOutOfRangeException>(() => small[-1]);
        Assert.Equal(-1, negative.ActualValue);
        Assert.Equal("index", negative.ParamName);
        Assert.Equal(-2, Assert.Throws<ArgumentOutOfRangeException>(() => small.RemoveAt(-2)).ActualValue);
        Assert.Equal(-3, Assert.Throws<ArgumentOutOfRangeException>(() => small.Insert(-3, "x")).ActualValue);
        Assert.Equal(-4, Assert.Throws<ArgumentOutOfRangeException>(() => small.CopyTo(new string[4], -4)).ActualValue);
        small.Clear();
        Assert.Empty(small);
    }
}
