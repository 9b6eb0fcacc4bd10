using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Stm.Collections;
using Stm.Engine;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The threads behind <see cref="Atomic.ForEach{T}"/> and <see cref="TransactionQueue.Run"/> (<see cref="WorkerThreadCache"/>):
/// reused from call to call, ended when idle for long, running each body in its caller's execution context.
/// </summary>
public class WorkerThreadTests
{
    /// <summary>
    /// Two items that each wait (a barrier) until both have begun: they must run at once, so the loop's second worker
    /// thread runs one of them. Returns the threads that ran them.
    /// </summary>
    private static Thread[] RunTwoAtOnce(Action<int>? inBody = null)
    {
        var threads = new ConcurrentDictionary<int, Thread>();
        using var both = new Barrier(2);
        Atomic.ForEach(new[] { 0, 1 }, i =>
        {
            threads.TryAdd(i, Thread.CurrentThread);
            inBody?.Invoke(i);
            Assert.True(both.SignalAndWait(TimeSpan.FromSeconds(30)), "the loop's two items never ran at the same time");
        }, maxParallelism: 2);
        Assert.NotSame(threads[0], threads[1]);
        return [threads[0], threads[1]];
    }

    [Fact]
    public void Loops_reuse_the_threads_of_earlier_loops()
    {
        RunTwoAtOnce(); // leaves at least one worker idle
        int created = WorkerThreadCache.Created;
        var workers = new ConcurrentDictionary<Thread, bool>();
        for (int call = 0; call < 50; call++)
        {
            foreach (Thread thread in RunTwoAtOnce())
            {
                if (thread != Thread.CurrentThread)
                {
                    workers.TryAdd(thread, true);
                }
            }
        }

        Assert.Equal(created, WorkerThreadCache.Created); // 50 loops, each needing a second thread: no new one
        Assert.True(workers.Count <= WorkerThreadCache.IdleCount, "every worker thread used is idle again, ready for the next loop");
    }

    [Fact]
    public void A_queue_run_and_a_loop_share_the_cached_threads()
    {
        RunTwoAtOnce();
        int created = WorkerThreadCache.Created;
        for (int call = 0; call < 20; call++)
        {
            var queue = new TransactionQueue();
            using var both = new Barrier(2);
            var ran = new TCounter();
            for (int task = 0; task < 2; task++)
            {
                queue.Add(() =>
                {
                    ran.Increment();
                    Assert.True(both.SignalAndWait(TimeSpan.FromSeconds(30)), "the queue's two tasks never ran at the same time");
                });
            }

            queue.Run(maxParallelism: 2);
            Assert.Equal(2, ran.Value);
            RunTwoAtOnce();
        }

        Assert.Equal(created, WorkerThreadCache.Created);
    }

    [Fact]
    public void Bodies_run_in_the_callers_execution_context_and_leave_nothing_in_the_next_loop()
    {
        var name = new AsyncLocal<string?>();
        var seen = new ConcurrentQueue<string?>();

        name.Value = "first";
        RunTwoAtOnce(i =>
        {
            seen.Enqueue(name.Value);
            if (Thread.CurrentThread.Name == "Stm worker")
            {
                name.Value = "set by a body on a worker";
            }
        });
        Assert.Equal(new string?[] { "first", "first" }, seen.ToArray());

        seen.Clear();
        name.Value = "second";
        RunTwoAtOnce(i => seen.Enqueue(name.Value));
        Assert.Equal(new string?[] { "second", "second" }, seen.ToArray()); // not the value a body set on the reused thread
    }

    [Fact]
    public void Idle_threads_end_after_the_idle_time()
    {
        int saved = WorkerThreadCache.IdleMilliseconds;
        try
        {
            WorkerThreadCache.IdleMilliseconds = 50;
            Thread worker = RunTwoAtOnce().Single(t => t != Thread.CurrentThread);
            Assert.True(worker.Join(TimeSpan.FromSeconds(30)), "an idle worker thread did not end after its idle time");

            RunTwoAtOnce(); // a loop after the cached threads ended starts new ones
        }
        finally
        {
            WorkerThreadCache.IdleMilliseconds = saved;
        }
    }
}
