using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// Threads for <see cref="TransactionWorkers{TTask}"/>, kept after their job for a while and reused: a <see cref="Atomic.ForEach{T}"/>
/// or <see cref="TransactionQueue.Run"/> call starts its workers on idle threads of earlier calls instead of new ones.
/// </summary>
/// <remarks>
/// <para>Dedicated threads, not the thread pool's: a job may wait in <see cref="Atomic.Retry"/> for a long time, and the
/// workers replace a waiting thread at once, which the pool (adding threads slowly when they block) would not. Creating
/// them per call cost more than the call itself for small loops (a ten-item <c>ForEach</c> ran 86x slower than
/// <c>Parallel.ForEach</c>), and every thread that ended left its segment reserved until the pool revoked it.</para>
/// <para>A job runs in the execution context of the thread that started it (as on a new thread, or a pool task), so
/// async-locals and the culture flow into it and nothing a job sets flows into the next one.</para>
/// </remarks>
internal static class WorkerThreadCache
{
    /// <summary>How long an idle thread waits for a job before it ends (settable for tests).</summary>
    internal static int IdleMilliseconds = 10_000;

    /// <summary>Idle threads, the most recently parked last (its caches are the warmest). Guarded by itself.</summary>
    private static readonly List<Parked> s_idle = [];

    private static int s_created;

    /// <summary>How many threads the cache has created (for tests and diagnostics).</summary>
    internal static int Created => Volatile.Read(ref s_created);

    /// <summary>How many threads are idle now (for tests and diagnostics).</summary>
    internal static int IdleCount
    {
        get
        {
            lock (s_idle)
            {
                return s_idle.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="job"/> on an idle thread, or on a new one if none is idle.</summary>
    /// <param name="job">The work; it must not throw (an exception would end the process, as on any thread).</param>
    /// <param name="done">Runs on the same thread after <paramref name="job"/>, once the thread is idle again: a starter
    /// that waits for it finds the thread ready for its next call.</param>
    /// <returns>A handle that can take the job back while its thread has not begun it (<see cref="Started.TryRevoke"/>).</returns>
    internal static Started Start(Action job, Action done)
    {
        var work = new Job(job, done, ExecutionContext.Capture());
        Parked? parked = null;
        lock (s_idle)
        {
            if (s_idle.Count > 0)
            {
                parked = s_idle[^1];
                s_idle.RemoveAt(s_idle.Count - 1);
            }
        }

        if (parked is not null)
        {
            parked.Hand(work);
            return new Started(parked, work);
        }

        var fresh = new Parked(work);
        var thread = new Thread(() => Loop(fresh)) { IsBackground = true, Name = "Stm worker" };
        thread.UnsafeStart(); // no context of its own: each job brings its starter's
        Interlocked.Increment(ref s_created);
        return new Started(fresh, work);
    }

    /// <summary>A job handed to a thread.</summary>
    internal readonly struct Started
    {
        private readonly Parked _thread;
        private readonly Job _job;

        internal Started(Parked thread, Job job)
        {
            _thread = thread;
            _job = job;
        }

        /// <summary>
        /// Takes the job back if its thread has not begun it (it has not woken up yet): the thread goes back to idle. A
        /// caller that finds its work done need not wait for threads still waking up to find nothing to do.
        /// </summary>
        /// <returns><see langword="true"/> if the job will never run.</returns>
        internal bool TryRevoke() => _thread.TryRevoke(_job);
    }

    private static void Loop(Parked self)
    {
        while (self.TakeJob() is { } job)
        {
            job.Run();
            lock (s_idle)
            {
                s_idle.Add(self);
            }

            job.Done();
        }
    }

    /// <summary>A job and the execution context it runs in.</summary>
    internal sealed class Job(Action body, Action done, ExecutionContext? context)
    {
        private static readonly ContextCallback s_invoke = state => ((Action)state!)();

        internal void Done() => done();

        internal void Run()
        {
            if (context is null)
            {
                body(); // the starter suppressed the flow
            }
            else
            {
                ExecutionContext.Run(context, s_invoke, body);
            }
        }
    }

    /// <summary>One cached thread's mailbox: the job handed to it, or none while it is idle.</summary>
    internal sealed class Parked(Job first)
    {
        private Job? _job = first;

        internal bool TryRevoke(Job job)
        {
            lock (this)
            {
                if (_job != job)
                {
                    return false; // begun, or long done
                }

                _job = null;
                lock (s_idle)
                {
                    s_idle.Add(this); // idle again: the wake-up it may be about to get finds no job, and it waits on
                }

                return true;
            }
        }

        internal void Hand(Job job)
        {
            lock (this)
            {
                _job = job;
                Monitor.Pulse(this);
            }
        }

        /// <summary>The next job; <see langword="null"/> when the thread has been idle too long and should end.</summary>
        internal Job? TakeJob()
        {
            lock (this)
            {
                while (_job is null)
                {
                    if (!Monitor.Wait(this, IdleMilliseconds))
                    {
                        lock (s_idle)
                        {
                            if (s_idle.Remove(this))
                            {
                                return null; // still listed as idle, so nobody can hand it a job now
                            }
                        }

                        // Taken off the list by a starter that is about to hand it a job: wait for it.
                    }
                }

                Job job = _job;
                _job = null;
                return job;
            }
        }
    }
}
