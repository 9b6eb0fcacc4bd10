using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Stm.Collections;
using Stm.Engine;
using Stm.Internal;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Segments keep private copies for reuse (in the write log and the copy pool), and a kept copy still holds the values
/// of the object it last copied. After full collections the segments drop them (<see cref="CopyTrimmer"/>), so a graph
/// that only a stale copy references becomes collectable; dropping must never touch a copy a transaction is using.
/// Run alone: each full collection they force takes idle reservations away from other tests' threads.
/// </summary>
[Collection(nameof(CopyTrimmerTests))]
public sealed class CopyTrimmerTests
{
    private static readonly TransactionalProperty PayloadProperty = TransactionalProperty.Register(typeof(CopyTrimmerTests), "Payload");

    /// <summary>A type no other test writes: no other transaction refills (and so clears) the copies these tests leave.</summary>
    private sealed class Payload
    {
        public readonly byte[] Bytes = new byte[1024];
    }

    [Fact]
    public void What_a_copy_kept_by_a_finished_thread_references_becomes_collectable()
    {
        WeakReference payload = null!;
        var thread = new Thread(() => payload = WriteIntoCellsAndDropThem(1));
        thread.Start();
        thread.Join(); // the thread is gone; its segment stays reserved with the copy kept in its write log

        Assert.True(CollectedWithin(payload, fullCollections: 10),
            "a payload referenced only by a dead thread's kept copy survived 10 full collections");
    }

    [Fact]
    public void What_pooled_copies_reference_becomes_collectable()
    {
        // 40 writes in one transaction: the entries past the 16 the log keeps return their copies to the pool.
        WeakReference payload = null!;
        var thread = new Thread(() => payload = WriteIntoCellsAndDropThem(40));
        thread.Start();
        thread.Join();

        Assert.True(CollectedWithin(payload, fullCollections: 10),
            "a payload referenced only by pooled copies survived 10 full collections");
    }

    [Fact]
    public void A_thread_that_keeps_running_transactions_drops_its_copies_between_them()
    {
        var counter = new Cell(0);
        WeakReference? payload = null;
        using var written = new ManualResetEventSlim();
        using var stop = new ManualResetEventSlim();
        long increments = 0;
        var worker = new Thread(() =>
        {
            payload = WriteIntoCellsAndDropThem(1);
            written.Set();
            while (!stop.IsSet)
            {
                Atomic.Run(() => counter.Value++); // another class: the payload's copy is never refilled
                increments++;
            }
        });
        worker.Start();
        Assert.True(written.Wait(TimeSpan.FromSeconds(30)));

        bool collected = CollectedWithin(payload!, fullCollections: 10);
        stop.Set();
        worker.Join();

        Assert.True(collected, "a busy thread's kept copy held its payload through 10 full collections");
        Assert.Equal(increments, counter.Value);
    }

    [Fact]
    public void Dropping_copies_under_load_loses_no_write()
    {
        // Writers of 20 accounts per transaction (so copies move between log and pool) while full collections ask
        // every segment, busy or not, to drop its copies again and again.
        const int Threads = 4;
        const int Accounts = 64;
        var accounts = new Account[Accounts];
        for (int i = 0; i < Accounts; i++)
        {
            accounts[i] = new Account("a" + i, 0);
        }

        var commits = new Cell[Threads];
        for (int i = 0; i < Threads; i++)
        {
            commits[i] = new Cell(0);
        }

        long trimsBefore = CopyTrimmer.Trims;
        using var stop = new ManualResetEventSlim();
        var counted = new long[Threads];
        var workers = new List<Thread>();
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            var worker = new Thread(() =>
            {
                var random = new Random(id);
                var picked = new int[20];
                while (!stop.IsSet)
                {
                    PickDistinct(random, picked, Accounts);
                    Atomic.Run(() =>
                    {
                        for (int i = 0; i < picked.Length; i++)
                        {
                            accounts[picked[i]].Balance += i < 10 ? 1 : -1;
                        }

                        commits[id].Value++;
                    });
                    counted[id]++;
                }
            });
            workers.Add(worker);
            worker.Start();
        }

        for (int i = 0; i < 40; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(5);
        }

        stop.Set();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        Assert.True(CopyTrimmer.Trims - trimsBefore >= 20, $"only {CopyTrimmer.Trims - trimsBefore} trims in 40 full collections");
        long total = 0;
        foreach (Account account in accounts)
        {
            total += account.Balance;
        }

        Assert.Equal(0, total);
        for (int i = 0; i < Threads; i++)
        {
            Assert.Equal(counted[i], commits[i].Value);
            Assert.True(counted[i] > 0);
        }
    }

    /// <summary>
    /// Writes a new payload into <paramref name="cells"/> cells in one transaction, then drops cells and payload:
    /// afterwards only the segment's kept copies reference it. Not inlined, so no local of the caller holds them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WriteIntoCellsAndDropThem(int cells)
    {
        var payload = new Payload();
        var holders = new TxCell<Payload?>[cells];
        for (int i = 0; i < cells; i++)
        {
            holders[i] = new TxCell<Payload?>(null, PayloadProperty); // allocated outside: not fresh, so writes copy
        }

        Atomic.Run(() =>
        {
            foreach (TxCell<Payload?> holder in holders)
            {
                holder.Value = payload;
            }
        });
        return new WeakReference(payload);
    }

    private static bool CollectedWithin(WeakReference reference, int fullCollections)
    {
        for (int i = 0; i < fullCollections && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers(); // the trimmer runs on the finalizer thread
            Thread.Sleep(10); // lets a busy holder reach its next release
        }

        GC.Collect();
        return !reference.IsAlive;
    }

    private static void PickDistinct(Random random, int[] picked, int range)
    {
        for (int i = 0; i < picked.Length; i++)
        {
            int candidate;
            do
            {
                candidate = random.Next(range);
            }
            while (Array.IndexOf(picked, candidate, 0, i) >= 0);

            picked[i] = candidate;
        }
    }
}

/// <summary>The trimmer's tests force full collections, which take idle reservations away: they run with no other test.</summary>
[CollectionDefinition(nameof(CopyTrimmerTests), DisableParallelization = true)]
public sealed class CopyTrimmerTestsCollection;
