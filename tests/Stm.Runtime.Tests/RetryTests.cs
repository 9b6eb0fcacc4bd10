using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary><see cref="Atomic.Retry"/>: a blocked transaction sleeps until something it read changes.</summary>
public class RetryTests
{
    [Fact]
    public void No_wake_up_is_lost_when_commits_and_waiters_race_with_the_safety_net_off()
    {
        // Committers publish with plain stores and check for waiters without a fence; waiters flush every core's
        // store buffer after registering. With the periodic re-check off, one lost wake-up hangs a thread here.
        TimeSpan saved = Stm.Engine.RetryGate.SafetyNet;
        Stm.Engine.RetryGate.SafetyNet = Timeout.InfiniteTimeSpan;
        try
        {
            const int Rounds = 500;
            var turn = new Cell(0);
            var added = new Stm.Collections.TCounter();
            var taken = new Stm.Collections.TCounter();

            TestThreads.Run(4, thread =>
            {
                for (int round = 0; round < Rounds; round++)
                {
                    switch (thread)
                    {
                        case 0 or 1:
                            // Ping-pong on an object: each side waits for the other's commit.
                            long mine = thread;
                            Atomic.Run(() =>
                            {
                                if (turn.Value != mine)
                                {
                                    Atomic.Retry();
                                }

                                turn.Value = 1 - mine;
                            });
                            break;
                        case 2:
                            // Lock-free adds to a counter wake a waiter that read it.
                            Atomic.Run(() => added.Increment());
                            int seen = round;
                            Atomic.Run(() =>
                            {
                                if (taken.Value <= seen)
                                {
                                    Atomic.Retry();
                                }
                            });
                            break;
                        default:
                            int wanted = round;
                            Atomic.Run(() =>
                            {
                                if (added.Value <= wanted)
                                {
                                    Atomic.Retry();
                                }
                            });
                            Atomic.Run(() => taken.Increment());
                            break;
                    }
                }
            });

            Assert.Equal(0, Atomic.Run(() => turn.Value)); // an even number of hand-offs
            Assert.Equal(Rounds, Atomic.Run(() => added.Value));
            Assert.Equal(Rounds, Atomic.Run(() => taken.Value));
        }
        finally
        {
            Stm.Engine.RetryGate.SafetyNet = saved;
        }
    }

    [Fact]
    public void A_blocked_consumer_sleeps_until_a_commit_changes_what_it_read()
    {
        var slot = new Cell(0);
        var unrelated = new Cell(0);
        int attempts = 0;
        long taken = 0;
        StmStatistics before = Atomic.Statistics;

        Action join = TestThreads.Start(() => taken = Atomic.Run(() =>
        {
            Interlocked.Increment(ref attempts);
            long value = slot.Value;
            if (value == 0)
            {
                Atomic.Retry();
            }

            slot.Value = 0;
            return value;
        }));

        WaitUntil(() => Atomic.Statistics.Since(before).Retries >= 1);

        // Commits to objects the consumer did not read must not re-run it, and nothing else must either:
        // a spinning consumer would rack up attempts while we keep committing elsewhere.
        for (int i = 1; i <= 20; i++)
        {
            unrelated.Value = i;
            Thread.Sleep(10);
        }

        Assert.Equal(1, Volatile.Read(ref attempts));

        slot.Value = 42;
        join();

        Assert.Equal(42, taken);
        Assert.Equal(2, attempts);
        Assert.Equal(0, slot.Value);
    }

    [Fact]
    public void A_producer_consumer_handoff_delivers_every_item_in_order_with_a_bounded_number_of_attempts()
    {
        const int Items = 2_000;
        var slot = new Cell(0);
        var received = new List<long>(Items);
        int consumerAttempts = 0;
        int producerAttempts = 0;
        StmStatistics before = Atomic.Statistics;

        TestThreads.Run(2, t =>
        {
            for (int i = 1; i <= Items; i++)
            {
                if (t == 0)
                {
                    long item = i;
                    Atomic.Run(() =>
                    {
                        Interlocked.Increment(ref producerAttempts);
                        if (slot.Value != 0)
                        {
                            Atomic.Retry(); // full: wait for the consumer
                        }

                        slot.Value = item;
                    });
                }
                else
                {
                    received.Add(Atomic.Run(() =>
                    {
                        Interlocked.Increment(ref consumerAttempts);
                        long value = slot.Value;
                        if (value == 0)
                        {
                            Atomic.Retry(); // empty: wait for the producer
                        }

                        slot.Value = 0;
                        return value;
                    }));
                }
            }
        });

        Assert.Equal(Items, received.Count);
        for (int i = 0; i < Items; i++)
        {
            Assert.Equal(i + 1, received[i]);
        }

        // Without spinning each side needs about two attempts per item (one that blocks, one that succeeds);
        // conflicts add a few. A consumer that polled instead of sleeping would need thousands.
        Assert.True(consumerAttempts <= 4 * Items, $"consumer made {consumerAttempts} attempts for {Items} items");
        Assert.True(producerAttempts <= 4 * Items, $"producer made {producerAttempts} attempts for {Items} items");
        Assert.True(Atomic.Statistics.Since(before).Retries > 0);
    }

    [Fact]
    public void Retry_in_a_nested_block_blocks_the_whole_transaction_and_rolls_back_its_writes()
    {
        var gate = new Cell(0);
        var log = new Cell(0);
        int attempts = 0;
        StmStatistics before = Atomic.Statistics;

        Action join = TestThreads.Start(() => Atomic.Run(() =>
        {
            Interlocked.Increment(ref attempts);
            log.Value += 1;
            Atomic.Run(() =>
            {
                if (gate.Value == 0)
                {
                    Atomic.Retry();
                }
            });
        }));

        WaitUntil(() => Atomic.Statistics.Since(before).Retries >= 1);
        Assert.Equal(0, log.Value); // the blocked attempt's write is not visible
        gate.Value = 1;
        join();

        Assert.Equal(2, attempts);
        Assert.Equal(1, log.Value);
    }

    [Fact]
    public void A_transaction_escalated_to_inevitable_runs_normally_again_after_Retry_wakes_it()
    {
        // One conflict escalates the next attempt to inevitable; that attempt waits (Retry) three times. Only the
        // attempt right after the conflict should be inevitable: the waits reset the starvation count.
        int saved = StmOptions.InevitableAfterConflicts;
        StmOptions.InevitableAfterConflicts = 1;
        try
        {
            var read = new Cell(0);
            var written = new Cell(0);
            var gate = new Cell(0);
            using var readDone = new ManualResetEventSlim();
            using var conflictingCommitDone = new ManualResetEventSlim();
            int attempts = 0;
            StmStatistics before = Atomic.Statistics;

            Action join = TestThreads.Start(() => Atomic.Run(() =>
            {
                int attempt = Interlocked.Increment(ref attempts);
                long seen = read.Value;
                if (attempt == 1)
                {
                    readDone.Set();
                    conflictingCommitDone.Wait();
                    read.Value = seen + 1; // writes what another transaction changed since: a conflict
                }

                if (gate.Value < 3)
                {
                    Atomic.Retry();
                }

                read.Value = seen + 1;
                written.Value = gate.Value;
            }));

            readDone.Wait();
            read.Value = 10; // commits after the first attempt read the cell and before it writes it
            conflictingCommitDone.Set();
            for (int wake = 1; wake <= 3; wake++)
            {
                int expectedRetries = wake;
                WaitUntil(() => Atomic.Statistics.Since(before).Retries >= expectedRetries);
                gate.Value = wake;
            }

            join();

            StmStatistics delta = Atomic.Statistics.Since(before);
            Assert.Equal(11, read.Value);
            Assert.Equal(3, written.Value);
            Assert.True(delta.Aborts >= 1, $"the first attempt should have conflicted: {delta}");
            Assert.Equal(5, attempts); // conflict, three waits, commit
            Assert.Equal(1, delta.InevitableTransactions);
        }
        finally
        {
            StmOptions.InevitableAfterConflicts = saved;
        }
    }

    internal static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("condition not reached within 30 s");
            }

            Thread.Sleep(1);
        }
    }

    [Fact]
    public void A_retry_whose_exception_the_body_swallows_still_waits_instead_of_committing()
    {
        // A catch-all around a blocking Dequeue: the retry's exception is caught, but the transaction must not commit the
        // empty-queue path (GHC's retry cannot be caught either); it waits, and the producer's item comes out.
        var queue = new Stm.Collections.TQueue<int>();
        var log = new Cell(0);
        int attempts = 0;
        int got = 0;
        Action join = TestThreads.Start(() => got = Atomic.Run(() =>
        {
            Interlocked.Increment(ref attempts);
            try
            {
                return queue.Dequeue();
            }
            catch (Exception)
            {
                log.Value = -1; // the path a swallowed retry would commit
                return -1;
            }
        }));

        var watch = Stopwatch.StartNew();
        while (Volatile.Read(ref attempts) == 0 && watch.ElapsedMilliseconds < 10_000)
        {
            Thread.Sleep(1);
        }

        Thread.Sleep(50);
        queue.Enqueue(42);
        join();

        Assert.Equal(42, got);
        Assert.Equal(0, log.Value);
        Assert.True(attempts >= 2, $"{attempts} attempts");
    }
}

