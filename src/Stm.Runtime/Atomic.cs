using System;
using System.Collections.Generic;
using System.Diagnostics;
using Stm.Engine;

namespace Stm;

/// <summary>
/// Atomic blocks: run a body as a transaction that appears to run alone, while other atomic blocks run in
/// parallel on other cores. Conflicting attempts are rolled back and re-run transparently.
/// </summary>
/// <example>
/// <code>
/// Atomic.Run(() => { from.Balance -= 10; to.Balance += 10; });
/// long total = Atomic.Run(() => a.Balance + b.Balance);
/// </code>
/// </example>
public static class Atomic
{
    /// <summary>Whether the calling thread is inside an atomic block.</summary>
    public static bool InTransaction => Segment.Current is not null;

    /// <summary>
    /// Runs <paramref name="body"/> as a transaction. It is re-run transparently when it conflicts with another
    /// transaction, so it may run more than once: keep irreversible effects out of it (see <see cref="OnCommit"/>).
    /// Inside another atomic block it joins it (closed nesting): an exception escaping the nested body rolls back
    /// only the nested body's writes.
    /// </summary>
    /// <param name="body">The transaction body.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// An exception escaping the body rolls the transaction back and is rethrown; it is not retried. A nested block is
    /// rolled back as the exception leaves it, the way a <see langword="finally"/> block runs: the enclosing block's
    /// <see langword="catch"/> sees the nested writes undone, but an exception filter (<c>catch ... when</c>) runs
    /// before that, as filters run before inner <see langword="finally"/> blocks, and still sees them.
    /// </remarks>
    public static void Run(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var wrapped = new ActionBody(body);
        TransactionRunner.Run<ActionBody, bool>(ref wrapped);
    }

    /// <summary>Runs <paramref name="body"/> as a transaction and returns its result. See <see cref="Run(Action)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="body">The transaction body.</param>
    /// <returns>What the committed attempt returned.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <remarks>Exceptions are handled as by <see cref="Run(Action)"/>.</remarks>
    public static T Run<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var wrapped = new FuncBody<T>(body);
        return TransactionRunner.Run<FuncBody<T>, T>(ref wrapped);
    }

    /// <summary>
    /// Abandons this attempt and blocks until another transaction commits a change to something this attempt
    /// has read, then re-runs the transaction (GHC's <c>retry</c>). Inside <see cref="OrElse(Action, Action)"/>,
    /// runs the alternative instead.
    /// </summary>
    /// <remarks>
    /// It abandons the attempt by throwing an exception of the runtime's own. Code inside the block that catches it (a
    /// catch-all around a blocking <c>TQueue.Dequeue</c>, say) does not turn the retry into a commit: the transaction
    /// retries when it reaches its commit, and a first <c>OrElse</c> alternative that caught its own retry gives way to
    /// the second when it returns, as if the exception had reached them.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Called outside an atomic block, or after <see cref="BecomeInevitable"/>.</exception>
    [StackTraceHidden]
    public static void Retry()
    {
        Segment segment = Segment.Current ?? throw OutsideTransaction(nameof(Retry),
            "Retry() blocks a transaction until what it read changes; call it inside Atomic.Run(...).");
        if (segment.InevitableByRequest)
        {
            throw new InvalidOperationException(
                "Atomic.Retry() cannot be called after Atomic.BecomeInevitable(): re-running the transaction would repeat its irreversible effects. " +
                "Call Retry() before BecomeInevitable().");
        }

        segment.RetryPending = true; // so that catching the exception below does not turn the retry into a commit
        throw new RetryException();
    }

    /// <summary>
    /// Runs <paramref name="first"/>; if it calls <see cref="Retry"/>, rolls back its writes and runs
    /// <paramref name="second"/> instead. If both retry, the enclosing transaction retries. Outside an atomic
    /// block the whole choice runs as one transaction.
    /// </summary>
    /// <param name="first">The preferred alternative.</param>
    /// <param name="second">The alternative run when <paramref name="first"/> retries.</param>
    /// <exception cref="ArgumentNullException">An alternative is <see langword="null"/>.</exception>
    public static void OrElse(Action first, Action second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Segment? segment = Segment.Current;
        if (segment is null)
        {
            Run(() => OrElse(first, second));
            return;
        }

        var a = new ActionBody(first);
        var b = new ActionBody(second);
        TransactionRunner.OrElse<ActionBody, ActionBody, bool>(segment, ref a, ref b);
    }

    /// <summary>Like <see cref="OrElse(Action, Action)"/>, returning the result of the alternative that completed.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="first">The preferred alternative.</param>
    /// <param name="second">The alternative run when <paramref name="first"/> retries.</param>
    /// <returns>The result of the alternative that did not retry.</returns>
    /// <exception cref="ArgumentNullException">An alternative is <see langword="null"/>.</exception>
    public static T OrElse<T>(Func<T> first, Func<T> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        Segment? segment = Segment.Current;
        if (segment is null)
        {
            return Run(() => OrElse(first, second));
        }

        var a = new FuncBody<T>(first);
        var b = new FuncBody<T>(second);
        return TransactionRunner.OrElse<FuncBody<T>, FuncBody<T>, T>(segment, ref a, ref b);
    }

    /// <summary>
    /// Defers <paramref name="handler"/> until the transaction commits: it then runs once, on the calling thread,
    /// outside any transaction, before <see cref="Run(Action)"/> returns. Dropped if the registering attempt (or
    /// nested block) is rolled back. The place for I/O and other irreversible effects.
    /// </summary>
    /// <param name="handler">The deferred action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Called outside an atomic block.</exception>
    public static void OnCommit(Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Segment segment = Segment.Current ?? throw OutsideTransaction(nameof(OnCommit),
            "Outside a transaction there is nothing to wait for: run the action directly.");
        segment.AddCommitHandler(handler);
    }

    /// <summary>
    /// Registers <paramref name="handler"/> to run after each rolled-back attempt of this transaction (conflict,
    /// retry, or an exception escaping the body), on the calling thread, outside any transaction.
    /// </summary>
    /// <remarks>
    /// If a handler throws, the exception propagates from <see cref="Run(Action)"/> once all handlers have run,
    /// and the transaction is not re-run: a failing handler is a bug to see, not to retry. If the rollback was the
    /// body's own exception, that exception is not lost: it comes out first in an <see cref="AggregateException"/>,
    /// followed by the handlers' exceptions.
    /// <para>A handler registered inside a nested block is dropped with that block if the block itself is rolled back
    /// (an exception escaping it, or an <see cref="OrElse(Action, Action)"/> alternative that retried), even when the
    /// exception then rolls back the whole transaction: only the handlers of what remains run. To clean up after
    /// whatever ends an attempt, register the handler before the nested block, in the enclosing one. A nested block
    /// that completed keeps its handlers, and they run if the transaction is rolled back later.</para>
    /// </remarks>
    /// <param name="handler">The action to run after a rollback.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Called outside an atomic block.</exception>
    public static void OnAbort(Action handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Segment segment = Segment.Current ?? throw OutsideTransaction(nameof(OnAbort),
            "Register abort handlers inside Atomic.Run(...).");
        segment.AddAbortHandler(handler);
    }

    /// <summary>
    /// Makes the current transaction inevitable: from here on it cannot be aborted by conflicts and will commit,
    /// so effects that cannot be deferred to <see cref="OnCommit"/> happen exactly once. At most one transaction
    /// is inevitable at a time; others keep running but wait to commit until it finishes.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside an atomic block.</exception>
    public static void BecomeInevitable()
    {
        Segment segment = Segment.Current ?? throw OutsideTransaction(nameof(BecomeInevitable),
            "Outside a transaction every action is already irreversible: just perform it.");
        segment.BecomeInevitable(byRequest: true);
    }

    /// <summary>
    /// The AME loop: runs <paramref name="body"/> for every item, in parallel, each call its own transaction.
    /// The result equals running the calls one at a time in some order. Inside an atomic block the calls run
    /// one after another as nested blocks of that transaction.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="body">What to do with one item.</param>
    /// <param name="maxParallelism">How many calls may run at once, or <see langword="null"/> for the processor count.</param>
    /// <remarks>The calls run on the calling thread and up to <paramref name="maxParallelism"/> − 1 worker threads, which
    /// Stm keeps for a while and reuses in later loops and queue runs; each call runs in the caller's execution context
    /// (async-locals flow into it). The threads take the items in order, one thread at a time stepping the enumerator, in
    /// batches that double while a batch runs in under 20 µs (up to 512 items). A call
    /// that waits in <see cref="Retry"/> does not hold its place while it waits: another thread takes the next item. So
    /// calls that wait for one another (one item waiting for a later item's write) all run, as they would one at a time
    /// in the right order. After a call throws, no further item is started, and calls waiting in <see cref="Retry"/> give
    /// up (rolled back, not committed), so the loop ends with the exception.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxParallelism"/> is less than 1.</exception>
    /// <exception cref="AggregateException">One or more calls threw (outside an atomic block).</exception>
    public static void ForEach<T>(IEnumerable<T> items, Action<T> body, int? maxParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        if (maxParallelism is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1, nameof(maxParallelism));
        }

        // Each item its own (top-level or nested) transaction: a struct body, nothing allocated per item.
        void RunItem(T item)
        {
            var wrapped = new ItemBody<T>(body, item);
            TransactionRunner.Run<ItemBody<T>, bool>(ref wrapped);
        }

        if (InTransaction)
        {
            foreach (T item in items)
            {
                RunItem(item);
            }

            return;
        }

        // The gate is held while a thread takes items, so it only steps the enumerator; the thread that runs an item
        // makes it a transaction body.
        using IEnumerator<T> enumerator = items.GetEnumerator();
        bool TakeNext([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T item)
        {
            if (!enumerator.MoveNext())
            {
                item = default;
                return false;
            }

            item = enumerator.Current;
            return true;
        }

        int workers = maxParallelism ?? Environment.ProcessorCount;
        if (System.Linq.Enumerable.TryGetNonEnumeratedCount(items, out int count))
        {
            workers = Math.Clamp(count, 1, workers); // no thread started for want of items
        }

        List<Exception> errors = new TransactionWorkers<T>(new object(), workers, TakeNext, RunItem).Run();
        if (errors.Count > 0)
        {
            throw new AggregateException("One or more Atomic.ForEach calls threw.", errors);
        }
    }

    /// <summary>Process-wide transaction counters: commits, aborts by cause, retries, inevitable transactions, time lost.</summary>
    public static StmStatistics Statistics => StatisticsCollector.Snapshot();

    /// <summary>The conflict sites of the process (property, kind, aborts, time lost), worst first.</summary>
    public static ConflictReport ConflictReport => ConflictReport.Capture();

    /// <summary>Forgets the conflict sites collected so far (counters in <see cref="Statistics"/> keep growing).</summary>
    public static void ResetConflictReport() => ConflictSites.Reset();

    private static InvalidOperationException OutsideTransaction(string member, string advice) =>
        new($"Atomic.{member}() can only be called inside an atomic block (Atomic.Run). {advice}");
}
