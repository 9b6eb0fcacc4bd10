using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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
/// <para>Tasks come from <see cref="TakeNext"/>, called under the gate, so a task source needs no locking of its own.
/// A thread takes them in batches (<see cref="WorkerClaim{TTask}"/>); a waiting task hands the rest of its thread's batch back
/// (<see cref="_returned"/>, taken before the source), so no task waits behind one that waits.</para>
/// <para>The threads come from <see cref="WorkerThreadCache"/>: a run reuses the idle threads of earlier runs.</para>
/// </remarks>
internal sealed class TransactionWorkers<TTask>
{
    /// <summary>Gives the next task, or <see langword="false"/> when none is queued now. Called under the workers' gate.</summary>
    internal delegate bool TakeNext([MaybeNullWhen(false)] out TTask task);

    private readonly object _gate;
    private readonly TakeNext _takeNext;
    private readonly Action<TTask> _runTask;
    private readonly int _workers;
    private readonly Action<TTask>? _giveBack;
    private readonly List<Exception> _errors = [];

    /// <summary>Every job handed to a thread, for taking back those not begun when the run is over.</summary>
    private readonly List<WorkerThreadCache.Started> _jobs = [];

    /// <summary>Tasks a thread took and handed back unstarted when one of its tasks began to wait: the next to run.</summary>
    private readonly Queue<TTask> _returned = new();

    /// <summary>Tasks taken and never started because the run failed: given back at its end.</summary>
    private readonly List<TTask> _unstarted = [];

    /// <summary>Threads started for this run that have not finished yet (the calling thread not counted).</summary>
    private int _started;

    /// <summary>
    /// Tasks taken from the source and not finished: running, waiting in <see cref="Atomic.Retry"/>, or claimed and not
    /// started yet (in a batch, or returned). Threads with nothing to take wait while it is not 0: a running task may
    /// add tasks. A thread counts its finished tasks off when it comes back to the gate.
    /// </summary>
    private int _inFlight;

    /// <summary>Threads working or looking for work, not waiting in <see cref="Atomic.Retry"/>. Read without the gate to leave a batch early.</summary>
    private int _unblocked;

    /// <summary>Threads waiting in <see cref="Atomic.Retry"/>.</summary>
    private int _waiting;

    /// <summary>A task or the source threw: no task starts any more. Read without the gate.</summary>
    private bool _failed;

    /// <summary>
    /// Threads that found nothing to take and wait on the gate (or are about to). A producer that adds a task outside
    /// the gate pulses it only when this is not 0 (<see cref="TaskAdded"/>).
    /// </summary>
    private int _sleepers;

    /// <summary>Prepares a run; <see cref="Run"/> starts it.</summary>
    /// <param name="gate">The lock <paramref name="takeNext"/> is called under, and that producers pulse when they add a task.</param>
    /// <param name="workers">How many threads may run tasks at once (at least 1).</param>
    /// <param name="takeNext">The task source.</param>
    /// <param name="runTask">Runs one task as a top-level transaction (outside the gate: a source that only hands out items
    /// leaves making them a transaction body to the thread that runs them).</param>
    /// <param name="giveBack">Takes back a task that was taken but never committed: one that waited in
    /// <see cref="Atomic.Retry"/> when the run failed (rolled back), or one claimed and not started; or
    /// <see langword="null"/> to drop them.</param>
    internal TransactionWorkers(object gate, int workers, TakeNext takeNext, Action<TTask> runTask, Action<TTask>? giveBack = null)
    {
        _gate = gate;
        _workers = workers;
        _takeNext = takeNext;
        _runTask = runTask;
        _giveBack = giveBack;
    }

    /// <summary>Whether a task or the source threw (read by waiting tasks, which then give up).</summary>
    internal bool Failed => Volatile.Read(ref _failed);

    /// <summary>
    /// Called by a producer after it added a task to the source without the gate: wakes the threads waiting for one, if
    /// any. Pulsing for every task added (most often by a running task's commit, while the other threads are busy) made
    /// the gate the line they all fought over. The fence orders the producer's add before its look at the sleepers; a
    /// thread announces itself before it looks at the source a last time; so either it sees the task or this sees it.
    /// </summary>
    internal void TaskAdded()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
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
        lock (_gate)
        {
            if (_inFlight == 0 || _failed)
            {
                // Nothing left to run (or nothing more will start): threads still waking up would only find that out.
                foreach (WorkerThreadCache.Started job in _jobs)
                {
                    if (job.TryRevoke())
                    {
                        _started--;
                        _unblocked--;
                    }
                }
            }

            while (_started > 0)
            {
                Monitor.Wait(_gate); // a thread is only started by a running one, which is counted until it ends
            }
        }

        if (_giveBack is not null)
        {
            foreach (TTask task in _unstarted)
            {
                _giveBack(task);
            }
        }

        return _errors;
    }

    /// <summary>A task of <paramref name="claim"/>'s thread is about to wait in <see cref="Atomic.Retry"/>.</summary>
    internal void OnWaiting(WorkerClaim<TTask> claim)
    {
        lock (_gate)
        {
            CountOff(claim);
            ReturnBatch(claim); // the tasks behind the waiting one must not wait with it

            _unblocked--;
            _waiting++;
            if (!_failed && _unblocked < _workers)
            {
                // The waiting task's place goes to the next queued one, however many wait already: a cap on replacements
                // (there was one, at 1,024) turns "more tasks wait than that" into a run that never ends, since the
                // task that would wake them may be the next queued one. If no thread can be created, this task's
                // wait fails instead, and with it the run: an error, not a hang.
                try
                {
                    StartThread();
                }
                catch
                {
                    _waiting--;
                    _unblocked++;
                    throw;
                }
            }
        }
    }

    /// <summary>A task that waited in <see cref="Atomic.Retry"/> runs again (or gives up).</summary>
    internal void OnResumed()
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
            while (_returned.TryDequeue(out TTask? task))
            {
                SetAside(task);
            }

            Monitor.PulseAll(_gate);
        }

        // Called with this gate held too (a source that threw): safe, since no thread takes this gate while holding the
        // retry gate (a waiter calls Waiting before it takes the retry gate and Resumed after it let go).
        RetryGate.WakeAll();
    }

    /// <summary>Starts one more worker (under the gate), on a thread of <see cref="WorkerThreadCache"/>.</summary>
    private void StartThread()
    {
        _started++;
        _unblocked++;
        try
        {
            _jobs.Add(WorkerThreadCache.Start(Work, StartedThreadDone));
        }
        catch
        {
            _started--;
            _unblocked--;
            throw; // no thread could be created: the caller (Run, or a task about to wait) fails with it
        }
    }

    /// <summary>A started thread has finished its <see cref="Work"/> and is idle again.</summary>
    private void StartedThreadDone()
    {
        lock (_gate)
        {
            if (--_started == 0)
            {
                Monitor.PulseAll(_gate); // the caller waits for the last one
            }
        }
    }

    private void Work()
    {
        IRetryWaitObserver? outer = RetryGate.WaitObserver; // a handler of an outer run's task may have started this run
        var claim = new WorkerClaim<TTask>(this);
        RetryGate.WaitObserver = claim;
        try
        {
            while (TryTake(claim, out TTask? task))
            {
                try
                {
                    _runTask(task);
                }
                catch (WaitAbandonedException)
                {
                    _giveBack?.Invoke(task); // rolled back, never committed: as good as unstarted
                }
                catch (Exception ex)
                {
                    Fail(ex);
                }

                claim.Finished++; // tasks added by this one were queued by its commit, before this point
            }
        }
        finally
        {
            RetryGate.WaitObserver = outer;
        }
    }

    /// <summary>
    /// The next task: the next of this thread's batch while the run goes on normally (no lock), else from the gate.
    /// False when this thread should stop (nothing left to run, a failure, or one thread too many).
    /// </summary>
    private bool TryTake(WorkerClaim<TTask> claim, [MaybeNullWhen(false)] out TTask task)
    {
        if (claim.Tasks.Count > 0 && !Volatile.Read(ref _failed) && Volatile.Read(ref _unblocked) <= _workers)
        {
            task = claim.Tasks.Dequeue();
            return true;
        }

        return TryTakeAtGate(claim, out task);
    }

    private bool TryTakeAtGate(WorkerClaim<TTask> claim, [MaybeNullWhen(false)] out TTask task)
    {
        lock (_gate)
        {
            CountOff(claim);
            bool announced = false;
            try
            {
                while (true)
                {
                    if (_unblocked > _workers)
                    {
                        break; // a woken waiter came back while its replacement runs: one of them stops
                    }

                    if (_failed)
                    {
                        ReturnBatch(claim); // sets the unstarted tasks aside, since the run failed
                    }
                    else if (claim.Tasks.TryDequeue(out task) || TryTakeBatch(claim, out task))
                    {
                        return true;
                    }

                    if (_inFlight == 0)
                    {
                        break;
                    }

                    if (!announced)
                    {
                        // Announce first, then look at the source once more (the loop): a producer adding a task
                        // without the gate either sees this thread waiting (and pulses) or added it before that look.
                        WorkerSeams.BeforeSleepAnnounced?.Invoke();
                        Interlocked.Increment(ref _sleepers);
                        announced = true;
                        continue;
                    }

                    Monitor.Wait(_gate);
                }
            }
            finally
            {
                if (announced)
                {
                    Interlocked.Decrement(ref _sleepers);
                }
            }

            ReturnBatch(claim); // this thread stops: its unstarted tasks go to the others

            _unblocked--;
            Monitor.PulseAll(_gate);
            task = default;
            return false;
        }
    }

    /// <summary>Under the gate: fills the claim with the next batch (returned tasks first) and takes its first task.</summary>
    private bool TryTakeBatch(WorkerClaim<TTask> claim, [MaybeNullWhen(false)] out TTask task)
    {
        int batch = claim.NextBatchSize();
        while (claim.Tasks.Count < batch && _returned.TryDequeue(out TTask? returned))
        {
            claim.Tasks.Enqueue(returned); // counted in flight when first taken
        }

        if (claim.Tasks.Count < batch)
        {
            // The source (a user's enumerator) is no task: a transaction it runs that waits in Retry must not hand over a
            // place it does not hold, nor be given up as if it were a task.
            RetryGate.WaitObserver = null;
            try
            {
                while (claim.Tasks.Count < batch && _takeNext(out TTask? next))
                {
                    claim.Tasks.Enqueue(next);
                    _inFlight++;
                }
            }
            catch (Exception ex)
            {
                Fail(ex); // the source itself threw
                ReturnBatch(claim); // what it gave before stays unstarted: set aside, since the run failed
            }
            finally
            {
                RetryGate.WaitObserver = claim;
            }
        }

        return claim.Tasks.TryDequeue(out task);
    }

    /// <summary>Under the gate: counts off the tasks the claim's thread finished; the last one wakes threads waiting for it.</summary>
    private void CountOff(WorkerClaim<TTask> claim)
    {
        if (claim.Finished == 0)
        {
            return;
        }

        _inFlight -= claim.Finished;
        claim.Finished = 0;
        if (_inFlight == 0)
        {
            // Threads with nothing to take wait for the last task (tasks it added were queued by its commit, and
            // queuing pulses the gate itself).
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Under the gate: hands the claim's unstarted tasks to the other threads, ahead of the source's (or sets them aside after a failure).</summary>
    private void ReturnBatch(WorkerClaim<TTask> claim)
    {
        bool returned = false;
        while (claim.Tasks.TryDequeue(out TTask? unstarted))
        {
            if (_failed)
            {
                SetAside(unstarted); // wakes the waiting threads itself when it takes the last task in flight
            }
            else
            {
                _returned.Enqueue(unstarted);
                returned = true;
            }
        }

        if (returned)
        {
            Monitor.PulseAll(_gate); // threads waiting for work can take them
        }
    }

    /// <summary>Under the gate, after a failure: a taken task that will not start now; given back when the run ends.</summary>
    private void SetAside(TTask task)
    {
        _unstarted.Add(task);
        if (--_inFlight == 0)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
