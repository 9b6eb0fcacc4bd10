using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Collections;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

public class ParallelLoopTests
{
    [Fact]
    public void ForEach_runs_every_item_as_a_transaction_and_keeps_invariants()
    {
        var accounts = Enumerable.Range(0, 16).Select(i => new Account("a" + i, 1_000)).ToArray();
        var transfers = Enumerable.Range(0, 40_000).ToArray();
        var threadsSeen = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        Atomic.ForEach(transfers, i =>
        {
            threadsSeen.TryAdd(Environment.CurrentManagedThreadId, true);
            var from = accounts[i % 16];
            var to = accounts[(i * 7 + 3) % 16];
            from.Balance -= 1;
            to.Balance += 1;
        });
        Assert.Equal(16 * 1_000, Atomic.Run(() => accounts.Sum(a => a.Balance)));
        Assert.True(Atomic.Statistics.Commits >= transfers.Length);
    }

    [Fact]
    public void ForEach_inside_a_transaction_runs_nested_and_serially()
    {
        var cell = new Account("c", 0);
        Atomic.Run(() => Atomic.ForEach(Enumerable.Range(1, 100), i => cell.Balance += i));
        Assert.Equal(5050, cell.Balance);
    }

    [Fact]
    public void ForEach_reports_exceptions_as_an_aggregate_and_rolls_back_the_throwing_item()
    {
        var cell = new Account("c", 0);
        var ex = Assert.Throws<AggregateException>(() => Atomic.ForEach(new[] { 1, 2, 3 }, i =>
        {
            cell.Balance += 10;
            if (i == 2)
            {
                throw new InvalidOperationException("item 2");
            }
        }, maxParallelism: 1));
        Assert.Contains(ex.InnerExceptions, e => e.Message == "item 2");
        Assert.Equal(0, cell.Balance % 10);
        Assert.NotEqual(30, cell.Balance); // item 2's write was rolled back
    }

    /// <summary>
    /// Item i waits (Retry) until the turn is i, then passes it on; the items come in reverse order, so every worker's
    /// first items wait for a later one. Run one at a time in the order 0..n-1 they all finish, so ForEach must too:
    /// a waiting call hands its place to the next item instead of holding it. The order of the turns is the check.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ForEach_calls_that_wait_for_later_items_all_finish(int maxParallelism)
    {
        const int items = 12;
        var turn = new Account("turn", 0);
        var order = new TList<int>();
        TestThreads.Start(() => Atomic.ForEach(Enumerable.Range(0, items).Reverse(), i =>
        {
            if (turn.Balance != i)
            {
                Atomic.Retry();
            }

            order.Add(i);
            turn.Balance = i + 1;
        }, maxParallelism))(); // joined within 60 s, or a TimeoutException: the waiting calls kept every worker

        Assert.Equal(items, turn.Balance);
        Assert.Equal(Enumerable.Range(0, items), order.ToArray());
    }

    /// <summary>
    /// A thread takes items in batches once they run quickly. Here each waiting item is followed at once by the item that
    /// wakes it, after enough quick items for the batches to grow: a waiter and its waker then sit in one thread's batch.
    /// A waiting call must hand the rest of its batch to the other threads; if it kept it, the waker would wait behind
    /// the waiter and the loop would never end.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ForEach_call_waiting_in_retry_hands_back_the_items_batched_behind_it(int maxParallelism)
    {
        const int pairs = 200;
        var opened = Enumerable.Range(0, pairs).Select(i => new Account("gate" + i, 0)).ToArray();
        var passed = new TCounter();
        var quick = new TCounter();
        IEnumerable<int> Items()
        {
            for (int i = 0; i < 500; i++)
            {
                yield return -1; // quick: lets the batches grow
            }

            for (int pair = 0; pair < pairs; pair++)
            {
                yield return 2 * pair; // waits until its gate is open
                yield return 2 * pair + 1; // opens it
            }
        }

        TestThreads.Start(() => Atomic.ForEach(Items(), item =>
        {
            if (item < 0)
            {
                quick.Increment();
                return;
            }

            Account gate = opened[item / 2];
            if (item % 2 == 1)
            {
                gate.Balance = 1;
                return;
            }

            if (gate.Balance == 0)
            {
                Atomic.Retry();
            }

            passed.Increment();
        }, maxParallelism))(); // joined within 60 s, or a TimeoutException: a waiter kept its waker in its batch

        Assert.Equal(500, quick.Value);
        Assert.Equal(pairs, passed.Value);
        Assert.All(opened, gate => Assert.Equal(1, gate.Balance));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TransactionQueue_tasks_that_wait_for_later_tasks_all_finish(int maxParallelism)
    {
        const int tasks = 12;
        var turn = new Account("turn", 0);
        var order = new TList<int>();
        var queue = new TransactionQueue();
        for (int i = tasks - 1; i >= 0; i--)
        {
            int mine = i;
            queue.Add(() =>
            {
                if (turn.Balance != mine)
                {
                    Atomic.Retry();
                }

                order.Add(mine);
                turn.Balance = mine + 1;
            });
        }

        TestThreads.Start(() => queue.Run(maxParallelism))(); // joined within 60 s, or a TimeoutException

        Assert.Equal(tasks, turn.Balance);
        Assert.Equal(Enumerable.Range(0, tasks), order.ToArray());
        Assert.Equal(0, queue.PendingCount);
    }


    /// <summary>
    /// More tasks wait at once than the 1,024 replacements the pool used to allow, and the task that wakes them all is
    /// queued behind them: past the cap, every worker held a waiting task and the run never ended.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Over_a_thousand_tasks_waiting_at_once_all_finish_when_the_last_queued_task_wakes_them(int maxParallelism)
    {
        const int Waiters = 1_100;
        var flag = new Account("flag", 0);
        var done = new TCounter(0);
        var queue = new TransactionQueue();
        for (int i = 0; i < Waiters; i++)
        {
            queue.Add(() =>
            {
                if (flag.Balance == 0)
                {
                    Atomic.Retry();
                }

                done.Increment();
            });
        }

        queue.Add(() => flag.Balance = 1); // a serial order runs this one first

        TestThreads.Start(() => queue.Run(maxParallelism))(); // joined within 60 s, or a TimeoutException

        Assert.Equal(Waiters, done.Value);
        Assert.Equal(0, queue.PendingCount);
    }

    [Fact]
    public void Over_a_thousand_loop_calls_waiting_at_once_all_finish()
    {
        const int Waiters = 1_100;
        var flag = new Account("flag", 0);
        var done = new TCounter(0);
        IEnumerable<int> items = Enumerable.Range(0, Waiters + 1);

        TestThreads.Start(() => Atomic.ForEach(items, i =>
        {
            if (i == Waiters)
            {
                flag.Balance = 1;
                return;
            }

            if (flag.Balance == 0)
            {
                Atomic.Retry();
            }

            done.Increment();
        }, maxParallelism: 2))();

        Assert.Equal(Waiters, done.Value);
    }
    [Fact]
    public void TransactionQueue_failure_gives_up_waiting_tasks_and_keeps_them_for_the_next_run()
    {
        // Two tasks wait for a gate that only a later task opens; the task before that one throws, so the opener never
        // starts. Run must end with the exception (not wait forever), and the waiting tasks must be queued again, not
        // lost and not committed: the next Run, with the gate opened meanwhile, commits them.
        var gate = new Account("gate", 0);
        var passed = new Account("passed", 0);
        var queue = new TransactionQueue();
        for (int i = 0; i < 2; i++)
        {
            queue.Add(() =>
            {
                if (gate.Balance == 0)
                {
                    Atomic.Retry();
                }

                passed.Balance++;
            });
        }

        queue.Add(() => throw new InvalidOperationException("boom"));
        queue.Add(() => gate.Balance = 1);

        AggregateException? failure = null;
        TestThreads.Start(() => failure = Assert.Throws<AggregateException>(() => queue.Run(1)))(); // joined within 60 s
        Assert.Equal("boom", Assert.Single(failure!.InnerExceptions).Message);
        Assert.Equal(0, passed.Balance);
        Assert.Equal(3, queue.PendingCount); // the opener, never started, and the two waiters, given back

        queue.Run(1);
        Assert.Equal(1, gate.Balance);
        Assert.Equal(2, passed.Balance);
        Assert.Equal(0, queue.PendingCount);
    }

    [Fact]
    public void A_handler_waiting_in_retry_is_not_the_task_and_a_committed_task_is_never_queued_again()
    {
        // Task A commits, then its OnCommit handler runs a transaction that waits for a gate; task B throws meanwhile.
        // The handler's wait belongs to no task: it must not be given up, and A, committed, must not be queued again.
        var gate = new Account("gate", 0);
        var commits = new Account("commits", 0);
        var queue = new TransactionQueue();
        queue.Add(() =>
        {
            commits.Balance++;
            Atomic.OnCommit(() => Atomic.Run(() =>
            {
                if (gate.Balance == 0)
                {
                    Atomic.Retry();
                }
            }));
        });
        queue.Add(() => throw new InvalidOperationException("boom"));

        Action joinOpener = TestThreads.Start(() =>
        {
            Thread.Sleep(200); // let the handler wait first (any order is correct; this one is the one that matters)
            Atomic.Run(() => gate.Balance = 1);
        });
        AggregateException? failure = null;
        TestThreads.Start(() => failure = Assert.Throws<AggregateException>(() => queue.Run(1)))(); // joined within 60 s
        joinOpener();
        Assert.Equal("boom", Assert.Single(failure!.InnerExceptions).Message);
        Assert.Equal(1, commits.Balance);
        Assert.Equal(0, queue.PendingCount);
        queue.Run();
        Assert.Equal(1, commits.Balance);
    }

    [Fact]
    public void ForEach_failure_gives_up_waiting_calls()
    {
        var gate = new Account("gate", 0);
        var passed = new Account("passed", 0);
        AggregateException? failure = null;
        TestThreads.Start(() => failure = Assert.Throws<AggregateException>(() => Atomic.ForEach(new[] { 0, 1, 2, 3 }, i =>
        {
            if (i < 2)
            {
                if (gate.Balance == 0)
                {
                    Atomic.Retry();
                }

                passed.Balance++;
            }
            else if (i == 2)
            {
                throw new InvalidOperationException("boom");
            }
            else
            {
                gate.Balance = 1;
            }
        }, maxParallelism: 1)))(); // joined within 60 s
        Assert.Equal("boom", Assert.Single(failure!.InnerExceptions).Message);
        Assert.Equal(0, passed.Balance);
        Assert.Equal(0, gate.Balance);
    }

    /// <summary>
    /// The only task of a run waits in <see cref="Atomic.Retry"/> for a task another thread adds while the run goes on:
    /// the run's other threads have found nothing to take and wait on the queue, and the added task must wake one of
    /// them (the waiter's place was handed over). A producer pulses the queue only when a thread waits there, so this
    /// is the handshake between a thread going to sleep and a task added at that moment, tried many times.
    /// </summary>
    [Fact]
    public void TransactionQueue_task_added_from_outside_while_the_run_waits_wakes_a_worker()
    {
        for (int round = 0; round < 200; round++)
        {
            var gate = new Account("gate", 0);
            var queue = new TransactionQueue();
            int attempts = 0;
            queue.Add(() =>
            {
                Interlocked.Increment(ref attempts);
                if (gate.Balance == 0)
                {
                    Atomic.Retry();
                }
            });

            Action join = TestThreads.Start(() => queue.Run(maxParallelism: 2));
            SpinWait.SpinUntil(() => Volatile.Read(ref attempts) > 0);
            if (round % 2 == 1)
            {
                Thread.Sleep(1); // sometimes once the run's threads are asleep, sometimes while they are going to sleep
            }

            queue.Add(() => gate.Balance = 1);
            join(); // joined within 60 s, or a TimeoutException: the added task woke nobody
            Assert.Equal(1, gate.Balance);
            Assert.Equal(0, queue.PendingCount);
        }
    }

    [Fact]
    public void TransactionQueue_keeps_its_parallelism_while_tasks_wait_in_retry()
    {
        // Two tasks wait on a gate; the others count how many of them run at once. With one place and the waiting tasks'
        // places handed over, the counting tasks must still run one at a time: a woken waiter does not add a thread.
        var gate = new Account("gate", 0);
        var queue = new TransactionQueue();
        int running = 0, most = 0;
        for (int i = 0; i < 2; i++)
        {
            queue.Add(() =>
            {
                if (gate.Balance == 0)
                {
                    Atomic.Retry();
                }
            });
        }

        for (int i = 0; i < 40; i++)
        {
            queue.Add(() =>
            {
                Atomic.OnCommit(() =>
                {
                    int now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    Thread.Sleep(1);
                    Interlocked.Decrement(ref running);
                });
            });
        }

        queue.Add(() => gate.Balance = 1);
        TestThreads.Start(() => queue.Run(1))();
        Assert.Equal(1, gate.Balance);
        Assert.True(most <= 1, $"{most} counting tasks ran at once with maxParallelism 1");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ForEach_rejects_a_parallelism_below_one_naming_the_parameter(int maxParallelism)
    {
        int calls = 0;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Atomic.ForEach(new[] { 1 }, _ => calls++, maxParallelism));
        Assert.Equal("maxParallelism", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => Atomic.Run(() => Atomic.ForEach(new[] { 1 }, _ => calls++, maxParallelism)));
        Assert.Equal("maxParallelism", ex.ParamName);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void ForEach_rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Atomic.ForEach<int>(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => Atomic.ForEach(new[] { 1 }, null!));
    }

    [Fact]
    public void TransactionQueue_runs_added_tasks_including_tasks_added_by_tasks()
    {
        var queue = new TransactionQueue();
        var count = new TCounter();
        // A binary tree of tasks: each task below depth 12 adds two children. 2^13 - 1 tasks in all.
        void Spawn(int depth)
        {
            count.Increment();
            if (depth < 12)
            {
                queue.Add(() => Spawn(depth + 1));
                queue.Add(() => Spawn(depth + 1));
            }
        }

        queue.Add(() => Spawn(0));
        queue.Run(maxParallelism: 4);
        Assert.Equal((1 << 13) - 1, count.Value);
        Assert.Equal(0, queue.PendingCount);
    }

    [Fact]
    public void TransactionQueue_drops_tasks_added_by_a_rolled_back_attempt()
    {
        var queue = new TransactionQueue();
        var ran = new TCounter();
        var attempts = 0;
        queue.Add(() =>
        {
            Interlocked.Increment(ref attempts);
            queue.Add(() => ran.Increment());
            if (Volatile.Read(ref attempts) == 1)
            {
                throw new InvalidOperationException("first attempt fails");
            }
        });
        var ex = Assert.Throws<AggregateException>(() => queue.Run(2));
        Assert.Single(ex.InnerExceptions);
        Assert.Equal(0, ran.Value); // the task it added was dropped with its rollback
        Assert.Equal(0, queue.PendingCount);
    }

    [Fact]
    public void TransactionQueue_keeps_the_tasks_a_failure_left_unstarted_for_the_next_run()
    {
        var queue = new TransactionQueue();
        var ran = new TCounter();
        queue.Add(() => throw new InvalidOperationException("the first task fails"));
        for (int i = 0; i < 5; i++)
        {
            queue.Add(() => ran.Increment());
        }

        var ex = Assert.Throws<AggregateException>(() => queue.Run(maxParallelism: 1)); // one worker: FIFO, the failure first
        Assert.Equal("the first task fails", Assert.Single(ex.InnerExceptions).Message);
        Assert.Equal(0, ran.Value);
        Assert.Equal(5, queue.PendingCount);

        queue.Run(maxParallelism: 2);
        Assert.Equal(5, ran.Value);
        Assert.Equal(0, queue.PendingCount);
    }

    [Fact]
    public void TransactionQueue_is_reusable_and_rejects_misuse()
    {
        var queue = new TransactionQueue();
        var cell = new Account("c", 0);
        queue.Add(() => cell.Balance += 1);
        queue.Run();
        queue.Add(() => cell.Balance += 1);
        queue.Run();
        Assert.Equal(2, cell.Balance);
        Assert.Throws<ArgumentNullException>(() => queue.Add(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Run(0));
        Assert.Throws<InvalidOperationException>(() => Atomic.Run(() => queue.Run()));
    }
}
