using System;
using System.Collections.Generic;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary><see cref="Atomic.OnCommit"/> and <see cref="Atomic.OnAbort"/>: deferred, outside the transaction, in order.</summary>
public class HandlerTests
{
    private sealed class Boom : Exception
    {
    }

    [Fact]
    public void Under_contention_OnCommit_runs_once_per_transaction_and_OnAbort_once_per_aborted_attempt()
    {
        const int Threads = 4;
        const int PerThread = 20_000;
        var hot = new Cell(0);
        long attempts = 0;
        long commitHandlers = 0;
        long abortHandlers = 0;
        long handlersInsideTransaction = 0;
        long[] commitsPerTransaction = new long[Threads * PerThread];
        StmStatistics before = Atomic.Statistics;

        TestThreads.Run(Threads, t =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                int id = t * PerThread + i;
                Atomic.Run(() =>
                {
                    Interlocked.Increment(ref attempts);
                    Atomic.OnAbort(() =>
                    {
                        CountIfInside(ref handlersInsideTransaction);
                        Interlocked.Increment(ref abortHandlers);
                    });
                    Atomic.OnCommit(() =>
                    {
                        CountIfInside(ref handlersInsideTransaction);
                        Interlocked.Increment(ref commitHandlers);
                        Interlocked.Increment(ref commitsPerTransaction[id]);
                    });
                    long value = hot.Value;
                    Thread.SpinWait(30); // widen the window so attempts overlap even when the machine is busy
                    hot.Value = value + 1;
                });
            }
        });

        StmStatistics delta = Atomic.Statistics.Since(before);
        Assert.Equal(Threads * PerThread, hot.Value);
        Assert.All(commitsPerTransaction, n => Assert.Equal(1, n));
        Assert.Equal(Threads * PerThread, commitHandlers);
        Assert.Equal(attempts - Threads * PerThread, abortHandlers);
        Assert.Equal(delta.Aborts, abortHandlers);
        Assert.True(abortHandlers > 0, "expected conflicts on the hot cell");
        Assert.Equal(0, handlersInsideTransaction);
    }

    [Fact]
    public void Handlers_run_after_the_commit_on_the_calling_thread_outside_the_transaction_before_Run_returns()
    {
        var c = new Cell(0);
        int thread = Environment.CurrentManagedThreadId;
        var seen = new List<string>();

        Atomic.Run(() =>
        {
            c.Value = 7;
            Atomic.OnCommit(() =>
            {
                Assert.False(Atomic.InTransaction);
                Assert.Equal(thread, Environment.CurrentManagedThreadId);
                seen.Add("value " + c.Value); // the commit is already visible
                Atomic.Run(() => c.Value += 1); // a handler may start a new transaction
            });
            seen.Add("body");
        });

        Assert.Equal(["body", "value 7"], seen);
        Assert.Equal(8, c.Value);
    }

    [Fact]
    public void OnAbort_runs_for_an_attempt_ended_by_an_exception_or_a_retry_and_OnCommit_does_not()
    {
        var events = new List<string>();
        Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            Atomic.OnCommit(() => events.Add("commit"));
            Atomic.OnAbort(() => events.Add("abort " + Atomic.InTransaction));
            throw new Boom();
        }));
        Assert.Equal(["abort False"], events);

        events.Clear();
        var gate = new Cell(0);
        int attempts = 0;
        StmStatistics before = Atomic.Statistics;
        Action join = TestThreads.Start(() => Atomic.Run(() =>
        {
            int attempt = Interlocked.Increment(ref attempts);
            Atomic.OnAbort(() =>
            {
                lock (events)
                {
                    events.Add("abort " + attempt);
                }
            });
            Atomic.OnCommit(() =>
            {
                lock (events)
                {
                    events.Add("commit " + attempt);
                }
            });
            if (gate.Value == 0)
            {
                Atomic.Retry();
            }
        }));
        RetryTests.WaitUntil(() => Atomic.Statistics.Since(before).Retries >= 1);
        gate.Value = 1;
        join();
        Assert.Equal(["abort 1", "commit 2"], events);
    }

    [Fact]
    public void Handlers_keep_registration_order_and_those_of_a_rolled_back_nested_block_are_dropped()
    {
        var order = new List<string>();
        var aborts = new List<string>();
        Atomic.Run(() =>
        {
            Atomic.OnCommit(() => order.Add("outer 1"));
            Atomic.Run(() =>
            {
                Atomic.OnCommit(() => order.Add("nested kept"));
                Atomic.OnAbort(() => aborts.Add("nested kept"));
            });
            Assert.Throws<Boom>(() => Atomic.Run(() =>
            {
                Atomic.OnCommit(() => order.Add("nested dropped"));
                Atomic.OnAbort(() => aborts.Add("nested dropped"));
                throw new Boom();
            }));
            Atomic.OnCommit(() => order.Add("outer 2"));
        });

        Assert.Equal(["outer 1", "nested kept", "outer 2"], order);
        Assert.Empty(aborts);
    }

    [Fact]
    public void Every_handler_runs_even_if_one_throws_and_the_failure_surfaces_after_the_commit()
    {
        var c = new Cell(0);
        var ran = new List<int>();
        var thrown = Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            c.Value = 1;
            Atomic.OnCommit(() => ran.Add(1));
            Atomic.OnCommit(() => throw new Boom());
            Atomic.OnCommit(() => ran.Add(3));
        }));
        Assert.NotNull(thrown);
        Assert.Equal([1, 3], ran);
        Assert.Equal(1, c.Value); // the transaction did commit
    }

    private static void CountIfInside(ref long counter)
    {
        if (Atomic.InTransaction)
        {
            Interlocked.Increment(ref counter);
        }
    }

    [Fact]
    public void An_OnAbort_handler_that_throws_does_not_hide_the_bodys_exception()
    {
        var cell = new Cell(0);
        var body = new InvalidOperationException("body");
        var handler = new FormatException("handler");
        AggregateException both = Assert.Throws<AggregateException>(() => Atomic.Run(() =>
        {
            cell.Value = 1;
            Atomic.OnAbort(() => throw handler);
            throw body;
        }));

        Assert.Equal(new Exception[] { body, handler }, both.InnerExceptions);
        Assert.Equal(0, cell.Value);

        // With handlers that do not throw, the body's exception comes out as itself.
        Assert.Same(body, Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
        {
            Atomic.OnAbort(() => { });
            throw body;
        })));
    }
}
