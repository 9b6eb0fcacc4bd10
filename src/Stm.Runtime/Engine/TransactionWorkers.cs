using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// The worker threads behind <see cref="TransactionQueue.Run"/> and <see cref="Atomic.ForEach{T}"/>: each task runs
/// as its own top-level transaction on one of up to <c>workers</c> threads, the calling thread among them.
/// </summary>
/// <remarks>
/// <para>A task that waits in <see cref="Atomic.Retry"/> gives up its place while it waits (<see cref="IRetryWaitObserver"/>):
/// another thread starts, so the tasks still queued keep running on <c>workers</c> threads. Without that, tasks that
/// wait for one another (the first waiting for the last one's write) could fill every worker while the task that
/// would wake them is never started, though some serial order runs them all. A woken task finishes on its thread, and
/// a thread that finds more threads running than <c>workers</c> stops after its task.</para>
/// <para>Tasks come from <see cref="TakeNext"/>, called under the gate, so a task source needs no locking of its own.</para>
/// </remarks>
internal sealed class TransactionWorkers : IRetryWaitObserver
{
    /// <summary>Gives the next task, or <see langword="false"/> when none is queued now. Called under the workers' gate.</summary>
    internal delegate bool TakeNext([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Action? task);

    /// <summary>How many threads may wait in <see cref="Atomic.Retry"/> at once and still be replaced (beyond it, a waiting task keeps its place).</summary>
    private const int MaxReplacedWaiters = 1024;

    private readonly object _gate;
    private readonly TakeNext _takeNext;
    private readonly int _workers;
    private readonly string _threadName;
    private readonly Action<Action>? _giveBack;
    private readonly List<Exception> _errors = [];
    private readonly List<Thread> _threads = [];

    /// <summary>Tasks started and not yet finished (running, or waiting in <see cref="Atomic.Retry"/>).</summary>
    private int _inFlight;

    /// <summary>Threads working or looking for work, not waiting in <see cref="Atomic.Retry"/>.</summary>
    private int _unblocked;

    /// <summary>Threads waiting in <see cref="Atomic.Retry"/>.</summary>
    private int _waiting;

    /// <summary>A task or the source threw: no task starts any more. Read without the gate by <see cref="IRetryWaitObserver.Abandons"/>.</summary>
    private bool _failed;

    /// <summary>Prepares a run; <see cref="Run"/> starts it.</summary>
    /// <param name="gate">The lock <paramref name="takeNext"/> is called under, and that producers pulse when they add a task.</param>
    /// <param name="workers">How many threads may run tasks at once (at least 1).</param>
    /// <param name="takeNext">The task source.</param>
    /// <param name="threadName">The name of the threads started.</param>
    /// <param name="giveBack">Takes back a task that waited in <see cref="Atomic.Retry"/> when the run failed (it was
    /// rolled back and never committed), or <see langword="null"/> to drop it.</param>
    internal TransactionWorkers(object gate, int workers, TakeNext takeNext, string threadName, Action<Action>? giveBack = null)
    {
        _gate = gate;
        _workers = workers;
        _takeNext = takeNext;
        _threadName = threadName;
        _giveBack = giveBack;
    }

    /// <summary>
    /// Runs tasks until the source is empty and no running task can add more, or until a task (or the source) threw;
    /// returns the exceptions thrown, in the order they were caught.
    /// </summary>
    internal List<Exception> Run()
    {
        lock (_gate)
        {
            _unblocked = 1; // the calling thread
            for (int i = 1; i < _workers; i++)
            {
                StartThread();
            }
        }

        Work();
        for (int joined = 0; ; joined++)
        {
            Thread next;
            lock (_gate)
            {
                if (joined == _threads.Count)
                {
                    break; // a thread is only started by a running one, which is joined after it started it
                }

                next = _threads[joined];
            }

            next.Join();
        }

        return _errors;
    }

    void IRetryWaitObserver.Waiting()
    {
        lock (_gate)
        {
            _unblocked--;
            _waiting++;
            if (!_failed && _unblocked < _workers && _waiting <= MaxReplacedWaiters)
            {
                StartThread(); // the waiting task's place goes to the next queued one
            }
        }
    }

    bool IRetryWaitObserver.Abandons => Volatile.Read(ref _failed);

    void IRetryWaitObserver.Resumed()
    {
        lock (_gate)
        {
            _waiting--;
            _unblocked++; // one over the limit, for now: the first thread to look for work with too many running stops
        }
    }

    /// <summary>
    /// Records a failure: no task starts any more, and tasks waiting in <see cref="Atomic.Retry"/> give up (the change
    /// they wait for may have been a task that will not start now), so the run ends instead of waiting forever.
    /// </summary>
    private void Fail(Exception ex)
    {
        lock (_gate)
        {
            _errors.Add(ex);
            _failed = true;
            Monitor.PulseAll(_gate);
        }

        // Called with this gate held too (a source that threw): safe, since no thread takes this gate while holding the
        // retry gate (a waiter calls Waiting before it takes the retry gate and Resumed after it let go).
        RetryGate.WakeAll();
    }

    private void StartThread()
    {
        var thread = new Thread(Work) { IsBackground = true, Name = _threadName };
        _threads.Add(thread);
        _unblocked++;
        thread.Start();
    }

    private void Work()
    {
        IRetryWaitObserver? outer = RetryGate.WaitObserver; // a handler of an outer run's task may have started this run
        RetryGate.WaitObserver = this;
        try
        {
            while (TryTake(out Action? task))
            {
                try
                {
                    Atomic.Run(task);
                }
                catch (WaitAbandonedException)
                {
                    _giveBack?.Invoke(task); // rolled back, never committed: as good as unstarted
                }
                catch (Exception ex)
                {
                    Fail(ex);
                }
                finally
                {
                    // Tasks added by this one were queued by its commit, before this point.
                    lock (_gate)
                    {
                        _inFlight--;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
        finally
        {
            RetryGate.WaitObserver = outer;
        }
    }

    /// <summary>Takes the next task; false when this thread should stop (nothing left to run, a failure, or one thread too many).</summary>
    private bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Action? task)
    {
        lock (_gate)
        {
            while (true)
            {
                if (_unblocked > _workers)
                {
                    break; // a woken waiter came back while its replacement runs: one of them stops
                }

                if (!_failed)
                {
                    // The source (a user's enumerator) is no task: a transaction it runs that waits in Retry must not
                    // hand over a place it does not hold, nor be given up as if it were a task.
                    RetryGate.WaitObserver = null;
                    try
                    {
                        if (_takeNext(out task))
                        {
                            _inFlight++;
                            return true;
                        }
                    }
                    catch (Exception ex)
                    {
                        Fail(ex); // the source itself threw
                        continue;
                    }
                    finally
                    {
                        RetryGate.WaitObserver = this;
                    }
                }

                if (_inFlight == 0)
                {
                    break;
                }

                Monitor.Wait(_gate);
            }

            _unblocked--;
            Monitor.PulseAll(_gate);
            task = null;
            return false;
        }
    }
}
