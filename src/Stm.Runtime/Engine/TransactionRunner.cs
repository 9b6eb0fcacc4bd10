using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// Runs atomic blocks: the retry loop of a top-level transaction (attempt, commit or roll back, back off,
/// escalate), closed nesting, and <c>OrElse</c>.
/// </summary>
internal static class TransactionRunner
{
    private enum Outcome
    {
        Committed,
        Conflict,
        Retry,
        UserException,

        /// <summary>Re-run with a read log: the attempt called Retry without one (see <see cref="SnapshotReads"/>).</summary>
        Rerun,
    }

    internal static TResult Run<TBody, TResult>(ref TBody body)
        where TBody : ITransactionBody<TResult>, allows ref struct
    {
        ref Segment? current = ref Segment.CurrentSlot;
        Segment? segment = current;
        return segment is null ? RunTopLevel<TBody, TResult>(ref current, ref body) : RunNested<TBody, TResult>(segment, ref body);
    }

    internal static TResult RunNested<TBody, TResult>(Segment segment, ref TBody body)
        where TBody : ITransactionBody<TResult>, allows ref struct
    {
        // Rolled back in a finally, not in a catch that rethrows: each rethrow starts a new dispatch while the frames
        // below it are still on the stack, so a chain of them through a few hundred nested blocks overflowed the stack
        // (a process crash) on a user exception or a conflict. A finally unwinds any depth in one dispatch. The cost:
        // an exception filter of an enclosing block runs before this rollback, as it runs before inner finally blocks.
        segment.PushSavepoint();
        bool completed = false;
        try
        {
            TResult result = body.Invoke();
            completed = true;
            segment.MergeSavepoint();
            return result;
        }
        finally
        {
            if (!completed)
            {
                segment.RollbackSavepoint();
            }
        }
    }

    /// <summary>Runs <paramref name="first"/>; if it calls Retry, rolls it back and runs <paramref name="second"/>.</summary>
    internal static TResult OrElse<TFirst, TSecond, TResult>(Segment segment, ref TFirst first, ref TSecond second)
        where TFirst : ITransactionBody<TResult>, allows ref struct
        where TSecond : ITransactionBody<TResult>, allows ref struct
    {
        // A retry swallowed before this choice still stands; one swallowed inside the first alternative is its retry.
        bool pendingBefore = segment.RetryPending;
        segment.RetryPending = false;
        segment.PushSavepoint();
        bool settled = false; // merged, or rolled back for the second alternative; otherwise an exception leaves
        try
        {
            TResult result = first.Invoke();
            settled = true;
            if (!segment.RetryPending)
            {
                segment.MergeSavepoint();
                segment.RetryPending = pendingBefore;
                return result;
            }

            segment.RollbackSavepoint(); // the first alternative called Retry, and its own code caught the exception
        }
        catch (RetryException) when (!segment.Doomed)
        {
            settled = true;
            segment.RollbackSavepoint();
        }
        finally
        {
            if (!settled)
            {
                // Not a catch that rethrows: see RunNested.
                segment.RollbackSavepoint();
                segment.RetryPending |= pendingBefore;
            }
        }

        segment.RetryPending = pendingBefore; // handled: the alternative runs
        return RunNested<TSecond, TResult>(segment, ref second);
    }

    /// <summary>Runs a top-level transaction: attempts until one commits, throws, or gives up.</summary>
    /// <param name="current">The calling thread's <see cref="Segment.CurrentSlot"/> (null on entry).</param>
    /// <param name="body">The transaction body.</param>
    internal static TResult RunTopLevel<TBody, TResult>(ref Segment? current, ref TBody body)
        where TBody : ITransactionBody<TResult>, allows ref struct
    {
        long priority = 0;
        int conflicts = 0;
        bool firstAttempt = true;
        while (true)
        {
            Segment segment = SegmentPool.Acquire();
            SoloMode.OnEnter(segment); // after Acquire marked the segment active, as SoloMode's handshake requires
            segment.BeginAttempt(priority, firstAttempt);
            current = segment; // bound: the body's barriers find it
            firstAttempt = false;
            priority = segment.Priority;
            TResult result = default!;
            Outcome outcome;
            ExceptionDispatchInfo? userException = null;
            ConflictException? conflict = null;
            try
            {
                if (conflicts >= StmOptions.InevitableAfterConflicts)
                {
                    // Starving: run this attempt alone (no other commit can invalidate it) so it finishes.
                    segment.BecomeInevitable(byRequest: false);
                }

                result = body.Invoke();
                segment.Commit();
                outcome = Outcome.Committed;
            }
            catch (ConflictException ex)
            {
                outcome = Outcome.Conflict;
                conflict = ex;
            }
            catch (RetryException) when (!segment.Doomed)
            {
                outcome = Outcome.Retry;
            }
            catch (Exception ex)
            {
                // An exception from a doomed attempt (e.g. user code swallowed our ConflictException and threw
                // something else) says nothing about a serial execution: re-run instead of reporting it.
                if (segment.Doomed)
                {
                    outcome = Outcome.Conflict;
                    conflict = segment.DoomCause();
                }
                else
                {
                    outcome = Outcome.UserException;
                    userException = ExceptionDispatchInfo.Capture(ex);
                }
            }

            ITransactionalObject[]? waitSet = null;
            (Stm.Collections.TCounter Counter, long Sum)[]? counterWaitSet = null;
            long waitVersion = 0;
            int contentionLevel = 0;
            SegmentStatistics stats = segment.Statistics;
            if (outcome == Outcome.Committed)
            {
                stats.Commits++;
                segment.Contention.Committed();
                if (!segment.LogsReads)
                {
                    segment.Snapshots.Committed();
                }
            }
            else
            {
                if (outcome == Outcome.Retry && !segment.LogsReads)
                {
                    // Retry waits on everything the attempt read, which an attempt without a read log does not
                    // know: re-run at once, with a log (it will call Retry again and then wait on the whole set).
                    outcome = Outcome.Rerun;
                }

                if (outcome == Outcome.Retry)
                {
                    waitSet = segment.Reads.ToArray();
                    counterWaitSet = segment.CounterReads.ToArray();
                    waitVersion = segment.ReadVersion;
                    stats.Retries++;
                }
                else if (outcome == Outcome.Conflict)
                {
                    long lost = segment.AttemptMilliseconds;
                    ConflictKind kind = conflict?.Kind ?? ConflictKind.ReadWrite;
                    if (kind == ConflictKind.WriteWrite)
                    {
                        stats.WriteWriteAborts++;
                    }
                    else
                    {
                        stats.ReadWriteAborts++;
                    }

                    stats.MillisecondsLostInAborts += lost;
                    segment.Contention.Conflicted(kind);
                    contentionLevel = segment.Contention.Level; // read before the segment is released
                    ConflictSites.Record(conflict?.Property ?? TransactionalProperty.Unknown, kind, lost);
                }
                else if (outcome == Outcome.UserException)
                {
                    stats.UserExceptionRollbacks++;
                }

                segment.RollbackAttempt();
                segment.ClearReads();
            }

            Action[]? handlers = segment.TakeHandlers(outcome == Outcome.Committed);
            current = null; // unbound: handlers run outside any transaction
            SegmentPool.Release(segment);
            if (handlers is not null)
            {
                RunHandlers(handlers, userException); // tested here, not inside: most transactions have none, and the call is not inlined
            }

            switch (outcome)
            {
                case Outcome.Committed:
                    return result;
                case Outcome.UserException:
                    userException!.Throw();
                    break;
                case Outcome.Retry:
                    if (waitSet!.Length == 0)
                    {
                        throw new InvalidOperationException(
                            "Atomic.Retry() was called before the transaction read any transactional object, so no commit could ever wake it. " +
                            "Read the state the transaction waits on (for example a queue's count) before calling Retry().");
                    }

                    RetryGate.WaitForChange(waitSet, counterWaitSet!, waitVersion);

                    // The conflicts before the wait were over a state that has changed since: starting the woken
                    // attempt inevitable again (and every later one, each wait) would serialise every other commit.
                    conflicts = 0;
                    break;
                case Outcome.Rerun:
                    break;
                default:
                    conflicts++;
                    ContentionBackoff.Wait(conflicts, contentionLevel);
                    break;
            }
        }
    }

    /// <summary>
    /// Runs deferred handlers outside any transaction, in registration order. Every handler runs; exceptions
    /// are rethrown afterwards (one as itself, several as an <see cref="AggregateException"/>). If the body threw too
    /// (<paramref name="bodyException"/>, for <c>OnAbort</c> handlers), the handlers' exceptions do not replace it: they
    /// come out together, the body's first, in an <see cref="AggregateException"/>.
    /// </summary>
    private static void RunHandlers(Action[] handlers, ExceptionDispatchInfo? bodyException)
    {
        ExceptionDispatchInfo? first = null;
        System.Collections.Generic.List<Exception>? all = null;

        // A handler's own transactions are not the worker pool's task (which has committed or rolled back by now): a
        // Retry in them must neither hand the task's place over nor be given up and the committed task queued again.
        IRetryWaitObserver? pool = RetryGate.WaitObserver;
        RetryGate.WaitObserver = null;
        try
        {
            foreach (Action handler in handlers)
            {
                try
                {
                    handler();
                }
                catch (Exception ex)
                {
                    if (first is null)
                    {
                        first = ExceptionDispatchInfo.Capture(ex);
                    }
                    else
                    {
                        (all ??= [first.SourceException]).Add(ex);
                    }
                }
            }
        }
        finally
        {
            RetryGate.WaitObserver = pool;
        }

        if (first is not null && bodyException is not null)
        {
            throw new AggregateException(
                "The transaction body threw, and so did Atomic.OnAbort handlers run for its rollback: the body's exception is the first inner exception.",
                [bodyException.SourceException, .. all ?? [first.SourceException]]);
        }

        if (all is not null)
        {
            throw new AggregateException("Several Atomic.OnCommit/OnAbort handlers threw.", all);
        }

        first?.Throw();
    }
}
