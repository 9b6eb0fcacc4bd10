using System;
using System.Diagnostics;
using System.Threading;
using Stm.Collections;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Transactions that only add to one <see cref="TCounter"/> commit lock-free into per-segment cells. These
/// tests drive that path under contention against readers and writers and check that every run stays
/// serializable: the anomalies they look for are exactly what a lock-free add could let through.
/// </summary>
public class TCounterLockFreeTests
{
    [Fact]
    public void Pure_adds_take_the_lock_free_path_and_adds_with_writes_do_not()
    {
        var counter = new TCounter();
        var cell = new Cell(0);
        Atomic.Run(() => counter.Add(3));
        Assert.Equal(3, StripeSum(counter));

        Atomic.Run(() => { counter.Add(4); cell.Value = 1; });
        Assert.Equal(3, StripeSum(counter)); // applied under the commit lock, to the versioned value
        Assert.Equal(7, counter.Value);

        var other = new TCounter();
        Atomic.Run(() => { counter.Add(1); other.Add(1); }); // two counters must appear at once: locked path
        Assert.Equal(3, StripeSum(counter));
        Assert.Equal(8, counter.Value);
        Assert.Equal(1, other.Value);
    }

    [Fact]
    public void The_cells_are_summed_at_one_instant_even_when_one_thread_adds_through_two_cells()
    {
        // One thread whose consecutive adds land in different cells (as when it runs on another segment each time):
        // +1 into cell 3, then -1 into cell 1, over and over. Every committed total is 0 or 1; a reader that summed
        // cell 1 before some adds and cell 3 after them would count 2 or more.
        var stripes = new CounterStripes(4);
        int stop = 0;
        Action joinWriter = TestThreads.Start(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                stripes.BeginAdd(3);
                stripes.EndAdd(3, 1);
                stripes.BeginAdd(1);
                stripes.EndAdd(1, -1);
            }
        });

        long sums = 0, wrong = 0, ones = 0, interrupted = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1) || ones < 100)
        {
            if (!stripes.TrySum(wait: false, out long sum))
            {
                interrupted++;
                continue;
            }

            sums++;
            if (sum is not (0 or 1))
            {
                wrong++;
            }
            else if (sum == 1)
            {
                ones++;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"only {sums} sums in 30 s ({interrupted} interrupted)");
        }

        Volatile.Write(ref stop, 1);
        joinWriter();
        Assert.Equal(0, wrong);
        Assert.True(stripes.TrySum(wait: true, out long final));
        Assert.Equal(0, final);
    }

    [Fact]
    public void Program_order_of_adds_is_never_seen_reversed()
    {
        // One thread adds to `first`, then (in a later transaction) to `second`, forever: in every serial
        // order first >= second. A reader that read `first` before some adds and `second` after them would
        // see first < second: each counter read must revalidate the others.
        var first = new TCounter();
        var second = new TCounter();
        int stop = 0;
        long checkedReads = 0;
        TestThreads.Run(3, index =>
        {
            if (index == 0)
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    Atomic.Run(() => first.Add(1));
                    Atomic.Run(() => second.Add(1));
                }

                return;
            }

            try
            {
                for (int i = 0; i < 20_000; i++)
                {
                    (long a, long b) = Atomic.Run(() =>
                    {
                        long a = first.Value;
                        Thread.SpinWait(20);
                        long b = second.Value;
                        return (a, b);
                    });
                    Assert.True(a >= b, $"read first = {a} before second = {b}: the adds appeared out of order");
                    Interlocked.Increment(ref checkedReads);
                }
            }
            finally
            {
                Interlocked.Exchange(ref stop, 1); // stop the other threads even when an assertion fails
            }
        });

        Assert.Equal(40_000, checkedReads);
        Assert.True(StripeSum(first) > 0, "the adders never took the lock-free path");
        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public void A_counter_read_is_consistent_with_objects_read_before_it()
    {
        // A writer increments `level`; an adder brings `counter` up to each new `level` it sees (counter = the
        // last level it saw), so counter <= level in every serial order. A reader that read `level` and then `counter`, while
        // the writer and the adder both committed in between, would see counter > level unless reading the
        // counter re-validates the reads made before it.
        var level = new Cell(0);
        var counter = new TCounter();
        int stop = 0;
        TestThreads.Run(4, index =>
        {
            switch (index)
            {
                case 0:
                    while (Volatile.Read(ref stop) == 0)
                    {
                        Atomic.Run(() => level.Value++);
                        Thread.SpinWait(100);
                    }

                    break;
                case 1:
                    long seen = 0;
                    while (Volatile.Read(ref stop) == 0)
                    {
                        seen = Atomic.Run(() =>
                        {
                            long now = level.Value;
                            if (now > seen)
                            {
                                counter.Add(now - seen);
                            }

                            return now;
                        });
                    }

                    break;
                default:
                    try
                    {
                        for (int i = 0; i < 10_000; i++)
                        {
                            (long l, long c) = Atomic.Run(() =>
                            {
                                long l = level.Value;
                                Thread.SpinWait(200);
                                return (l, counter.Value);
                            });
                            Assert.True(c <= l, $"read level = {l} and then counter = {c}: not a state any serial order produces");
                        }
                    }
                    finally
                    {
                        Interlocked.Exchange(ref stop, 1); // stop the other threads even when an assertion fails
                    }
                    break;
            }
        });

        Assert.True(StripeSum(counter) > 0, "the adder never took the lock-free path");
        Assert.True(counter.Value <= level.Value);
    }

    [Fact]
    public void Lock_free_and_locked_adds_sum_exactly_and_readers_see_distinct_counts()
    {
        // Half the threads add lock-free; the others read the counter, log what they read and add under the lock.
        // In a serial order every such reader sees a different count (each sees the adds of those before it).
        var counter = new TCounter();
        const int Threads = 4, PerThread = 5_000;
        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        TestThreads.Run(Threads, index =>
        {
            var scratch = new Cell(0);
            for (int i = 0; i < PerThread; i++)
            {
                if (index % 2 == 0)
                {
                    Atomic.Run(() => counter.Add(1));
                }
                else
                {
                    long before = Atomic.Run(() =>
                    {
                        long before = counter.Value;
                        scratch.Value = before; // a write: this transaction commits under the lock
                        counter.Add(1);
                        return before;
                    });
                    seen.Add(before);
                }
            }
        });

        Assert.Equal(Threads * PerThread, counter.Value);
        Assert.Equal(seen.Count, new System.Collections.Generic.HashSet<long>(seen).Count);
        Assert.InRange(StripeSum(counter), 1, Threads * PerThread - 1);
    }

    [Fact]
    public void A_writer_that_read_the_counter_aborts_when_a_lock_free_add_lands_before_its_commit()
    {
        // W reads the counter (0); then P, which reads `copy` (still 0), adds 1 lock-free and commits; then W writes
        // copy = 100 + what it read. P read copy before W's write, so P comes first in any serial order and W must
        // see P's add: W has to be re-run and write 101.
        var counter = new TCounter();
        var copy = new Cell(0);
        using var wRead = new ManualResetEventSlim();
        using var pDone = new ManualResetEventSlim();
        int wBodies = 0;
        Action joinW = TestThreads.Start(() => Atomic.Run(() =>
        {
            long read = counter.Value;
            if (Interlocked.Increment(ref wBodies) == 1)
            {
                wRead.Set();
                pDone.Wait();
            }

            copy.Value = 100 + read;
        }));

        wRead.Wait();
        Atomic.Run(() =>
        {
            _ = copy.Value;
            counter.Add(1);
        });
        Assert.Equal(1, StripeSum(counter)); // P committed lock-free
        pDone.Set();
        joinW();

        Assert.Equal(2, wBodies);
        Assert.Equal(101, copy.Value);
    }

    [Fact]
    public void A_lock_free_add_whose_reads_went_stale_is_re_run()
    {
        // P reads flag (0) and pauses before committing its add; W then sets flag = 1 and records the counter it
        // sees (0, without P's add). P read flag before W's write and W did not see P's add: no serial order has
        // both, so P's commit must notice that what it read changed and re-run.
        var counter = new TCounter();
        var flag = new Cell(0);
        var seenByW = new Cell(-1);
        using var pRead = new ManualResetEventSlim();
        using var wDone = new ManualResetEventSlim();
        int pBodies = 0;
        long flagSeenByP = -1;
        Action joinP = TestThreads.Start(() => Atomic.Run(() =>
        {
            flagSeenByP = flag.Value;
            if (Interlocked.Increment(ref pBodies) == 1)
            {
                pRead.Set();
                wDone.Wait();
            }

            counter.Add(1);
        }));

        pRead.Wait();
        Atomic.Run(() =>
        {
            seenByW.Value = counter.Value;
            flag.Value = 1;
        });
        wDone.Set();
        joinP();

        Assert.Equal(0, seenByW.Value);
        Assert.Equal(2, pBodies);
        Assert.Equal(1, flagSeenByP);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public void An_inevitable_transaction_sees_a_counter_that_lock_free_adders_cannot_change()
    {
        var counter = new TCounter();
        int stop = 0;
        int bodies = 0, changed = 0;
        TestThreads.Run(3, index =>
        {
            if (index > 0)
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    Atomic.Run(() => counter.Add(1));
                }

                return;
            }

            while (StripeSum(counter) < 1_000)
            {
                Thread.Yield(); // let the adders get going on the lock-free path first
            }

            try
            {
                for (int i = 0; i < 300; i++)
                {
                    Atomic.Run(() =>
                    {
                        Atomic.BecomeInevitable();
                        Interlocked.Increment(ref bodies); // an inevitable body runs once: a conflict here would re-run it
                        long first = counter.Value;
                        Thread.SpinWait(2_000);
                        if (counter.Value != first)
                        {
                            Interlocked.Increment(ref changed);
                        }
                    });
                }
            }
            finally
            {
                Interlocked.Exchange(ref stop, 1); // stop the other threads even when an assertion fails
            }
        });

        Assert.Equal(300, bodies);
        Assert.Equal(0, changed);
    }

    [Fact]
    public void Retry_on_a_counter_wakes_on_lock_free_adds()
    {
        // The waiter needs 20 separate wake-ups. Both time checks are timeouts, not speed checks: a waiter that
        // lock-free commits cannot wake never finishes (the 30 s bound per add), and one they do not notify waits
        // out the gate's one-second safety net each time, 20 s in all (the 10 s bound on something that takes
        // milliseconds).
        var counter = new TCounter();
        var progress = new TCounter();
        var watch = Stopwatch.StartNew();
        Action join = TestThreads.Start(() =>
        {
            for (long k = 1; k <= 20; k++)
            {
                Atomic.Run(() =>
                {
                    if (counter.Value < k)
                    {
                        Atomic.Retry();
                    }
                });
                Atomic.Run(() => progress.Add(1));
            }
        });

        for (long k = 1; k <= 20; k++)
        {
            Atomic.Run(() => counter.Add(1));
            long woken = k;
            RetryTests.WaitUntil(() => progress.Value >= woken); // throws after 30 s without the wake-up
        }

        join();
        Assert.Equal(20, StripeSum(counter));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"20 wake-ups took {watch.Elapsed}");
    }

    /// <summary>The counter's lock-free part at one instant (waits out adds in flight).</summary>
    private static long StripeSum(TCounter counter)
    {
        Assert.True(counter.TryStripeSum(wait: true, out long sum));
        return sum;
    }
}
