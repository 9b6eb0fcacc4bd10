using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Collections;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Copies of a whole collection: the collections' own ToArray/ToList are one snapshot, and the Count-then-CopyTo
/// pair that LINQ and <c>new List&lt;T&gt;(x)</c> make outside a transaction fails loudly instead of returning a torn
/// array (grown: "Destination array was not long enough"; shrunk: default elements at the end, silently).
/// </summary>
public class CollectionSnapshotTests
{
    [Fact]
    public void A_list_copied_into_an_array_sized_by_a_stale_count_throws_instead_of_padding()
    {
        var list = new TList<int>(new[] { 1, 2, 3 });
        int count = list.Count;
        list.RemoveAt(0);
        var array = new int[count];

        var ex = Assert.Throws<InvalidOperationException>(() => list.CopyTo(array, 0));
        Assert.Contains("held 3 elements when its Count was read and 2 when it was copied", ex.Message);
        Assert.Contains("ToArray()", ex.Message);
    }

    [Fact]
    public void A_list_that_grew_after_its_count_was_read_names_the_cause()
    {
        var list = new TList<int>(new[] { 1, 2 });
        int count = list.Count;
        list.Add(3);

        var ex = Assert.Throws<InvalidOperationException>(() => list.CopyTo(new int[count], 0));
        Assert.Contains("held 2 elements when its Count was read and 3", ex.Message);
    }

    [Fact]
    public void A_dictionary_copied_into_an_array_sized_by_a_stale_count_throws_instead_of_padding()
    {
        var map = new TDictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        int count = map.Count;
        map.Remove("a");

        var ex = Assert.Throws<InvalidOperationException>(() => map.CopyTo(new KeyValuePair<string, int>[count], 0));
        Assert.Contains("TDictionary held 2 elements when its Count was read and 1", ex.Message);
    }

    [Fact]
    public void CopyTo_into_room_not_sized_by_the_last_count_keeps_ordinary_semantics()
    {
        var list = new TList<int>(new[] { 1, 2, 3 });
        int count = list.Count;
        list.RemoveAt(0);

        // A larger buffer is not a torn pair: the snapshot is copied and the rest is left alone.
        var buffer = Enumerable.Repeat(-1, count + 2).ToArray();
        list.CopyTo(buffer, 1);
        Assert.Equal(new[] { -1, 2, 3, -1, -1 }, buffer);

        // The remembered count is consumed by the copy that checked it.
        list.Add(4);
        list.CopyTo(new int[count], 0);

        Assert.Throws<ArgumentException>(() => list.CopyTo(new int[2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.CopyTo(new int[2], 3));
    }

    [Fact]
    public void Count_and_CopyTo_in_one_transaction_always_agree()
    {
        var list = new TList<int>(new[] { 1, 2, 3 });
        int[] copy = Atomic.Run(() =>
        {
            list.Add(4);
            var array = new int[list.Count];
            list.CopyTo(array, 0);
            return array;
        });

        Assert.Equal(new[] { 1, 2, 3, 4 }, copy);
    }

    [Fact]
    public void The_collections_own_ToArray_and_ToList_see_the_transactions_own_writes()
    {
        var list = new TList<int>(new[] { 1 });
        var map = new TDictionary<int, int> { [1] = 10 };

        Atomic.Run(() =>
        {
            list.Add(2);
            map[2] = 20;
            Assert.Equal(new[] { 1, 2 }, list.ToArray());
            Assert.Equal(new List<int> { 1, 2 }, list.ToList());
            Assert.Equal(new[] { 1, 2 }, map.ToArray().Select(p => p.Key).Order());
            Assert.Equal(new[] { 10, 20 }, map.ToList().Select(p => p.Value).Order());
        });
    }

    [Fact]
    public void Whole_list_copies_under_concurrent_length_changes_are_never_torn()
    {
        // The writer keeps the list at [0, 1, ..., K-1] or [0, 1, ..., K]; every element equals its index. A torn
        // copy shows up as a default 0 past index 0 (shrunk) or as ArgumentException (grown).
        const int K = 64;
        var list = new TList<int>(Enumerable.Range(0, K));
        var stop = new ManualResetEventSlim();
        int own = 0, viaLinq = 0, caught = 0;

        TestThreads.Run(2, worker =>
        {
            if (worker == 0)
            {
                while (!stop.IsSet)
                {
                    list.Add(K);
                    list.RemoveAt(K);
                }

                return;
            }

            try
            {
                for (int i = 0; i < 20_000; i++)
                {
                    AssertPrefix(list.ToArray());
                    own++;
                    try
                    {
                        AssertPrefix(((IEnumerable<int>)list).ToArray());
                        AssertPrefix(new List<int>(list).ToArray());
                        viaLinq++;
                    }
                    catch (InvalidOperationException ex) when (ex.Message.Contains("when it was copied", StringComparison.Ordinal))
                    {
                        caught++;
                    }
                }
            }
            finally
            {
                stop.Set();
            }
        });

        Assert.Equal(20_000, own);
        Assert.Equal(20_000, viaLinq + caught);

        static void AssertPrefix(int[] items)
        {
            Assert.InRange(items.Length, K, K + 1);
            for (int i = 0; i < items.Length; i++)
            {
                Assert.Equal(i, items[i]);
            }
        }
    }

    [Fact]
    public void Whole_dictionary_copies_under_concurrent_inserts_and_removals_are_never_torn()
    {
        const int K = 32;
        var map = new TDictionary<int, int>();
        for (int i = 0; i < K; i++)
        {
            map[i] = i + 1;
        }

        var stop = new ManualResetEventSlim();
        int copies = 0;
        TestThreads.Run(2, worker =>
        {
            if (worker == 0)
            {
                while (!stop.IsSet)
                {
                    map[K] = K + 1;
                    map.Remove(K);
                }

                return;
            }

            try
            {
                for (int i = 0; i < 20_000; i++)
                {
                    AssertPairs(map.ToArray());
                    try
                    {
                        AssertPairs(((IEnumerable<KeyValuePair<int, int>>)map).ToArray());
                    }
                    catch (InvalidOperationException ex) when (ex.Message.Contains("when it was copied", StringComparison.Ordinal))
                    {
                    }

                    copies++;
                }
            }
            finally
            {
                stop.Set();
            }
        });

        Assert.Equal(20_000, copies);

        // Every key maps to itself plus one, so a default pair (0, 0) left by a shrunk copy fails here.
        static void AssertPairs(KeyValuePair<int, int>[] pairs)
        {
            Assert.InRange(pairs.Length, K, K + 1);
            Assert.All(pairs, p => Assert.Equal(p.Key + 1, p.Value));
            Assert.Equal(pairs.Length, pairs.Select(p => p.Key).Distinct().Count());
        }
    }
}
