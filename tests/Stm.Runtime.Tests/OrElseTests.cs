using System;
using System.Collections.Generic;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary><see cref="Atomic.OrElse(Action, Action)"/>: the second alternative runs only when the first retries.</summary>
public class OrElseTests
{
    [Fact]
    public void The_first_alternative_wins_when_it_does_not_retry()
    {
        var c = new Cell(1);
        int secondRuns = 0;
        string result = Atomic.OrElse(
            () =>
            {
                c.Value = 2;
                return "first";
            },
            () =>
            {
                secondRuns++;
                return "second";
            });

        Assert.Equal("first", result);
        Assert.Equal(0, secondRuns);
        Assert.Equal(2, c.Value);
    }

    [Fact]
    public void The_second_alternative_runs_when_the_first_retries_and_the_first_writes_are_rolled_back()
    {
        var a = new Cell(1);
        var b = new Cell(1);
        var fresh = new List<long>();
        var committed = new List<string>();

        string result = Atomic.OrElse(
            () =>
            {
                a.Value = 100;
                b.Value = 100;
                Atomic.OnCommit(() => committed.Add("first"));
                Atomic.Retry();
                return "first";
            },
            () =>
            {
                fresh.Add(a.Value);
                fresh.Add(b.Value);
                b.Value = 2;
                Atomic.OnCommit(() => committed.Add("second"));
                return "second";
            });

        Assert.Equal("second", result);
        Assert.Equal([1L, 1L], fresh); // the second alternative saw none of the first one's writes
        Assert.Equal(1, a.Value);
        Assert.Equal(2, b.Value);
        Assert.Equal(["second"], committed); // the first alternative's handler was dropped with it
    }

    [Fact]
    public void The_action_overload_inside_a_transaction_keeps_the_enclosing_writes()
    {
        var outer = new Cell(0);
        var inner = new Cell(0);
        int path = 0;
        Atomic.Run(() =>
        {
            outer.Value = 1;
            Atomic.OrElse(
                () =>
                {
                    outer.Value = 50;
                    inner.Value = 50;
                    Atomic.Retry();
                },
                () =>
                {
                    path = 2;
                    inner.Value = outer.Value + 1;
                });
            Assert.Equal(1, outer.Value);
        });

        Assert.Equal(2, path);
        Assert.Equal(1, outer.Value);
        Assert.Equal(2, inner.Value);
    }

    [Fact]
    public void When_both_alternatives_retry_the_transaction_waits_on_what_either_read()
    {
        foreach (bool wakeFirst in new[] { true, false })
        {
            var a = new Cell(0);
            var b = new Cell(0);
            string? result = null;
            StmStatistics before = Atomic.Statistics;
            Action join = TestThreads.Start(() => result = Atomic.OrElse(
                () =>
                {
                    if (a.Value == 0)
                    {
                        Atomic.Retry();
                    }

                    return "a";
                },
                () =>
                {
                    if (b.Value == 0)
                    {
                        Atomic.Retry();
                    }

                    return "b";
                }));

            RetryTests.WaitUntil(() => Atomic.Statistics.Since(before).Retries >= 1);
            if (wakeFirst)
            {
                a.Value = 1; // read only by the rolled-back first alternative: must still wake the transaction
            }
            else
            {
                b.Value = 1;
            }

            join();
            Assert.Equal(wakeFirst ? "a" : "b", result);
        }
    }

    [Fact]
    public void An_exception_in_the_first_alternative_propagates_without_running_the_second()
    {
        var c = new Cell(0);
        int secondRuns = 0;
        Assert.Throws<FormatException>(() => Atomic.OrElse(
            () =>
            {
                c.Value = 1;
                throw new FormatException();
            },
            () => secondRuns++));
        Assert.Equal(0, secondRuns);
        Assert.Equal(0, c.Value);
    }

    [Fact]
    public void A_retry_swallowed_inside_the_first_alternative_runs_the_second_and_one_swallowed_before_still_retries()
    {
        var empty = new Stm.Collections.TQueue<int>();
        var full = new Stm.Collections.TQueue<int>();
        full.Enqueue(7);
        var c = new Cell(0);

        int taken = Atomic.OrElse(
            () =>
            {
                c.Value = 1; // rolled back with the alternative
                try
                {
                    return empty.Dequeue();
                }
                catch (Exception)
                {
                    return -1;
                }
            },
            () => full.Dequeue());
        Assert.Equal(7, taken);
        Assert.Equal(0, c.Value);

        // Swallowed before a choice whose first alternative succeeds: the transaction still retries, and takes nothing
        // from the full queue until an item in the empty one wakes it.
        full.Enqueue(8);
        int attempts = 0;
        int result = 0;
        Action join = TestThreads.Start(() => result = Atomic.Run(() =>
        {
            System.Threading.Interlocked.Increment(ref attempts);
            int first = 0;
            try
            {
                first = empty.Dequeue();
            }
            catch (Exception)
            {
            }

            return first + Atomic.OrElse(() => full.Dequeue(), () => -2);
        }));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (System.Threading.Volatile.Read(ref attempts) == 0 && watch.ElapsedMilliseconds < 10_000)
        {
            System.Threading.Thread.Sleep(1);
        }

        System.Threading.Thread.Sleep(50);
        Assert.Equal(8, Assert.Single(full)); // the waiting attempt committed nothing
        empty.Enqueue(100);
        join();
        Assert.Equal(108, result);
        Assert.Empty(full);
        Assert.True(attempts >= 2, $"{attempts} attempts");
    }
}
