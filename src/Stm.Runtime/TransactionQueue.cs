using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Stm.Engine;

namespace Stm;

/// <summary>
/// A pool of tasks run in parallel, each as its own transaction (PyPy's <c>transaction.add()</c> and
/// <c>transaction.run()</c>): the result is the same as running them one at a time in some order.
/// Tasks may add further tasks while they run.
/// </summary>
/// <example>
/// <code>
/// var queue = new TransactionQueue();
/// foreach (var order in orders) queue.Add(() => book.Match(order));
/// queue.Run();
/// </code>
/// </example>
public sealed class TransactionQueue
{
    /// <summary>Runs one task as its own transaction.</summary>
    private static readonly Action<Action> s_runTask = Atomic.Run;

    private readonly ConcurrentQueue<Action> _pending = new();
    private readonly object _gate = new();
    private int _running;

    /// <summary>The workers of the run in progress, or <see langword="null"/>: told of tasks added while it runs.</summary>
    private TransactionWorkers<Action>? _run;

    /// <summary>Tasks added and not yet started.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>
    /// Adds a task. Outside a transaction it is queued at once; inside one (typically a running task) it is
    /// queued when that transaction commits, and dropped if it rolls back.
    /// </summary>
    /// <param name="task">The task body, run later as its own transaction.</param>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public void Add(Action task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (Atomic.InTransaction)
        {
            Atomic.OnCommit(() => Enqueue(task));
        }
        else
        {
            Enqueue(task);
        }
    }

    /// <summary>
    /// Runs every queued task, and every task they add, each as a transaction on up to
    /// <paramref name="maxParallelism"/> threads (default: the processor count), and returns when all have
    /// committed. If tasks throw, the remaining queued tasks are not started and the exceptions are thrown
    /// together once the running ones have finished.
    /// </summary>
    /// <remarks>
    /// <para>Tasks left unstarted by a failure stay queued, nothing is lost: <see cref="PendingCount"/> says how many, and
    /// the next <see cref="Run"/> runs them. So do tasks that were waiting in <see cref="Atomic.Retry"/> when the failure
    /// came (the change they waited for may have been a task that will not start now): they are rolled back, queued
    /// again, and the run ends. They are queued behind the tasks no thread had taken yet, so the next run does not keep
    /// the order in which they were added (any order is a serial order of the tasks).</para>
    /// <para>A task that waits in <see cref="Atomic.Retry"/> does not hold one of the <paramref name="maxParallelism"/>
    /// places while it waits: another thread takes the next task. So tasks that wait for one another (one waiting for a
    /// later task's write) all run, as they would one at a time in the right order. Each waiting task keeps a thread
    /// of its own while it waits, however many wait.</para>
    /// </remarks>
    /// <param name="maxParallelism">How many tasks may run at once, or <see langword="null"/> for the processor count.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxParallelism"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">Called inside an atomic block, or while this queue is already running.</exception>
    /// <exception cref="AggregateException">One or more tasks threw.</exception>
    public void Run(int? maxParallelism = null)
    {
        int workers = maxParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1, nameof(maxParallelism));
        if (Atomic.InTransaction)
        {
            throw new InvalidOperationException(
                "TransactionQueue.Run() starts transactions of its own and cannot run inside an atomic block. Call it outside Atomic.Run.");
        }

        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            throw new InvalidOperationException("This TransactionQueue is already running.");
        }

        try
        {
            var run = new TransactionWorkers<Action>(_gate, workers, TryTakePending, s_runTask, Enqueue);
            Volatile.Write(ref _run, run);
            List<Exception> errors = run.Run();
            if (errors.Count > 0)
            {
                throw new AggregateException("One or more TransactionQueue tasks threw.", errors);
            }
        }
        finally
        {
            Volatile.Write(ref _run, null);
            Volatile.Write(ref _running, 0);
        }
    }

    private bool TryTakePending([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Action task) => _pending.TryDequeue(out task);

    private void Enqueue(Action task)
    {
        _pending.Enqueue(task);
        Volatile.Read(ref _run)?.TaskAdded(); // a run's threads waiting for work take it (a later run finds it queued)
    }
}
