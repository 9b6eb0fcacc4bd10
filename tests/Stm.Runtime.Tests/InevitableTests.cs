using System;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary><see cref="Atomic.BecomeInevitable"/>: from that point the transaction commits, exactly once, alone.</summary>
public class InevitableTests
{
    private sealed class Boom : Exception
    {
    }

    [Fact]
    public void Effects_after_BecomeInevitable_happen_exactly_once_and_one_transaction_at_a_time()
    {
        const int InevitableThreads = 3;
        const int PerThread = 300;
        var hot = new Cell(0);
        var after = new Cell(0);
        int[] effects = new int[InevitableThreads * PerThread];
        int inside = 0;
        int maxInside = 0;
        int plainDone = 0;
        long plainCommits = 0;
        StmStatistics before = Atomic.Statistics;

        // Three threads run transactions that conflict on `hot` before becoming inevitable; two more hammer the
        // same cells with ordinary transactions the whole time.
        TestThreads.Run(InevitableThreads + 2, t =>
        {
            if (t >= InevitableThreads)
            {
                while (Volatile.Read(ref plainDone) < InevitableThreads)
                {
                    Atomic.Run(() =>
                    {
                        hot.Value += 1;
                        after.Value += 1;
                    });
                    Interlocked.Increment(ref plainCommits);
                }

                return;
            }

            for (int i = 0; i < PerThread; i++)
            {
                int id = t * PerThread + i;
                Atomic.Run(() =>
                {
                    hot.Value += 1;
                    Atomic.BecomeInevitable();
                    int now = Interlocked.Increment(ref inside);
                    InterlockedMax(ref maxInside, now);
                    Interlocked.Increment(ref effects[id]); // the irreversible effect
                    Thread.SpinWait(50);
                    after.Value += 1; // writes after becoming inevitable must win any conflict
                    Interlocked.Decrement(ref inside);
                });
            }

            Interlocked.Increment(ref plainDone);
        });

        Assert.All(effects, count => Assert.Equal(1, count));
        Assert.Equal(1, maxInside);
        long expected = InevitableThreads * PerThread + plainCommits;
        Assert.Equal(expected, hot.Value);
        Assert.Equal(expected, after.Value);
        Assert.True(Atomic.Statistics.Since(before).InevitableTransactions >= InevitableThreads * PerThread);
    }

    [Fact]
    public void A_user_exception_after_BecomeInevitable_is_thrown_once_and_the_effect_is_not_repeated()
    {
        // An older transaction asks us to abort (it wants an object we own) just before we become inevitable.
        // The request came too late: we are inevitable, so it must be ignored, and our user exception must
        // end the transaction instead of being mistaken for a conflict and re-run.
        var contested = new Cell(0);
        var unrelated = new Cell(0);
        using var olderStarted = new ManualResetEventSlim();
        using var youngerOwns = new ManualResetEventSlim();
        int effects = 0;
        int attempts = 0;

        Action joinOlder = TestThreads.Start(() => Atomic.Run(() =>
        {
            olderStarted.Set();
            youngerOwns.Wait();
            contested.Value = 1;
        }));

        olderStarted.Wait();
        unrelated.Value = 1; // a commit in between, so the next transaction is strictly younger

        Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            int attempt = ++attempts;
            contested.Value = 2;
            if (attempt == 1)
            {
                youngerOwns.Set();
                RetryTests.WaitUntil(() => Segment.Current!.Doomed); // the older one has asked us to abort
            }

            Atomic.BecomeInevitable();
            effects++;
            throw new Boom();
        }));

        joinOlder();
        Assert.Equal(1, effects);
        Assert.Equal(1, attempts);
        Assert.Equal(1, contested.Value);
    }

    [Fact]
    public void BecomeInevitable_twice_and_in_a_nested_block_is_harmless()
    {
        var c = new Cell(0);
        Atomic.Run(() =>
        {
            Atomic.Run(() => Atomic.BecomeInevitable());
            Atomic.BecomeInevitable();
            c.Value = 5;
        });
        Assert.Equal(5, c.Value);

        // The commit lock was released: ordinary transactions still commit.
        Atomic.Run(() => c.Value += 1);
        Assert.Equal(6, c.Value);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
