using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Stm.Engine;

/// <summary>
/// One worker thread's share of a <see cref="TransactionWorkers{TTask}"/> run: the tasks it took from the source in one visit
/// to the gate and has not started yet, and how many it finished since it last counted them off. Also the thread's
/// <see cref="IRetryWaitObserver"/>, so that a task waiting in <see cref="Atomic.Retry"/> hands back the tasks behind it.
/// </summary>
/// <remarks>
/// Taking one task per visit made the gate the line every worker fought over: an <see cref="Atomic.ForEach{T}"/> of
/// short bodies ran 2.5x slower than <c>Parallel.ForEach</c> with <see cref="Atomic.Run(Action)"/> inside. So a thread
/// takes a batch, grown while batches finish quickly and shrunk when they take long (<see cref="NextBatchSize"/>): few
/// visits for short tasks, little left to one thread at the end for long ones. Touched only by its own thread (the
/// run reads nothing of it without that thread calling in).
/// </remarks>
internal sealed class WorkerClaim<TTask>(TransactionWorkers<TTask> run) : IRetryWaitObserver
{
    /// <summary>
    /// The largest batch. Taking a batch holds the gate for the source's work on each task (an enumerator's step for
    /// <see cref="Atomic.ForEach{T}"/>, a locked dequeue for a <see cref="TransactionQueue"/>), so short tasks under a cap
    /// of 64 kept the gate contended: 512 cut a 10,000-item two-thread loop of one-write bodies from 2.14 to 1.71 ms.
    /// The time bounds keep a batch of longer tasks small.
    /// </summary>
    internal const int MaxBatch = 512;

    /// <summary>A batch that took less than this grows (20 µs).</summary>
    private static readonly long s_quick = Stopwatch.Frequency / 50_000;

    /// <summary>A batch that took more than this shrinks (200 µs).</summary>
    private static readonly long s_slow = Stopwatch.Frequency / 5_000;

    private readonly Queue<TTask> _tasks = new();
    private int _batch = 1;
    private long _takenAt;

    /// <summary>Tasks claimed and not started yet.</summary>
    internal Queue<TTask> Tasks => _tasks;

    /// <summary>Tasks this thread finished (committed, thrown or given up) and has not yet counted off under the gate.</summary>
    internal int Finished;

    /// <summary>How many tasks to take at this visit to the gate: the batch size, adjusted by how long the last batch took.</summary>
    internal int NextBatchSize()
    {
        long now = Stopwatch.GetTimestamp();
        if (_takenAt != 0)
        {
            long took = now - _takenAt;
            if (took < s_quick)
            {
                _batch = Math.Min(_batch * 2, MaxBatch);
            }
            else if (took > s_slow)
            {
                _batch = Math.Max(_batch / 2, 1);
            }
        }

        _takenAt = now;
        return _batch;
    }

    void IRetryWaitObserver.Waiting() => run.OnWaiting(this);

    void IRetryWaitObserver.Resumed() => run.OnResumed();

    bool IRetryWaitObserver.Abandons => run.Failed;
}
