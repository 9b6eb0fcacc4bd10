using System;
using System.Threading;
using Stm.Collections;
using Stm.Internal;

namespace Stm.Engine;

internal sealed partial class Segment
{
    /// <summary>
    /// Commits the top-level attempt. A read-only attempt has nothing to do: every read was consistent at
    /// <see cref="ReadVersion"/>. A writing attempt takes the commit lock, validates its read log only if
    /// some commit happened since its read version, then publishes its private copies with a new version.
    /// </summary>
    /// <exception cref="ConflictException">The attempt lost a conflict and must be re-run.</exception>
    internal void Commit()
    {
        if (_doomed)
        {
            throw DoomCause(); // user code swallowed the conflict that doomed this attempt
        }

        if (RetryPending)
        {
            throw new RetryException(); // user code swallowed a retry: wait, as it asked, instead of committing
        }

        if (Writes.Count == 0)
        {
            if (Commutes.Count == 0 || TryCommitAddsWithoutLock())
            {
                bool wroteCells = Commutes.Count != 0;
                ReleaseInevitability();
                Commutes.Truncate(0);
                ClearReads();
                if (wroteCells)
                {
                    RetryGate.NotifyCommitted();
                }

                return;
            }
        }

        Volatile.Write(ref CommittingSerial, AttemptSerial);
        long now = AcquireCommitLock();
        ValidateUnderCommitLock(now);

        long version = now + 2;
        Publish(version);
        if (Inevitable)
        {
            ReleaseInevitability();
        }

        GlobalClock.UnlockCommitPublishing(version);
        Writes.Truncate(0); // (Publish released the write locks; the log keeps or pools the copies)
        Commutes.Truncate(0);
        ClearReads();
        RetryGate.NotifyCommitted();
    }

    /// <summary>
    /// Validates the attempt while holding the commit lock (which <paramref name="now"/> releases on failure):
    /// its object reads if any commit happened since its read version, its counter reads always (lock-free adds
    /// move no clock). Lock-free adders that marked their cell before we took the lock are waited for.
    /// </summary>
    private void ValidateUnderCommitLock(long now)
    {
        ThrowIfObjectReadsChangedUnderLock(now);
        if (CounterReadsChanged)
        {
            GlobalClock.UnlockCommit(now);
            throw CounterConflict();
        }
    }

    /// <summary>Aborts (releasing the commit lock taken at <paramref name="now"/>) if a commit since the read version changed an object read.</summary>
    private void ThrowIfObjectReadsChangedUnderLock(long now)
    {
        if (now == ReadVersion)
        {
            return;
        }

        if (!LogsReads)
        {
            // Commits happened since our snapshot and, without a log, we cannot tell whether they touched what we read.
            GlobalClock.UnlockCommit(now);
            throw UnverifiableSnapshot(TransactionalProperty.Unknown);
        }

        ITransactionalObject? changed = Reads.FindChangedSince(ReadVersion);
        if (changed is not null)
        {
            GlobalClock.UnlockCommit(now);
            throw Conflict(ConflictKind.ReadWrite, LastWriteOf(changed));
        }
    }

    /// <summary>
    /// Copies every private copy (and buffered counter add) into its object. Each object is a sequence-lock
    /// write: mark it Locked, copy the values in, store the new version. A reader that raced with the copy sees
    /// the version change and reads again; a transaction that had read the object finds it newer and aborts.
    /// </summary>
    /// <remarks>
    /// Objects are published one after another. A reader that sees one object's new version before another's
    /// is still safe: the new version is ahead of the clock (which moves only when all are done), so the
    /// reader cannot extend past it until the whole commit is visible, and then finds what it read changed.
    /// </remarks>
    private void Publish(long version)
    {
        for (int i = 0; i < Writes.Count; i++)
        {
            // Only an object's current entry holds its final copy (earlier ones belong to merged levels).
            ref WriteLog.Entry entry = ref Writes[i];
            ref TxHeader header = ref entry.Object.StmHeader;
            if (HeaderWord.CopyIndex(header.Word) == i)
            {
                Volatile.Write(ref header.Version, TxHeader.Locked);
                Volatile.WriteBarrier(); // the Locked mark is visible before any value changes
                entry.Object.StmPublish(entry.Copy!);
                Volatile.Write(ref header.Version, version); // release: the values are visible first

                // Release the write lock, recording what was written. Safe before the clock moves: a writer that takes
                // the object now finds it newer than its read version and waits for the clock before extending, and it
                // cannot commit before us (we hold the commit lock).
                Volatile.Write(ref header.Word, entry.PropertyIndex);
            }
        }

        foreach ((TCounter counter, long delta) in Commutes.Entries)
        {
            ref TxHeader header = ref ((ITransactionalObject)counter).StmHeader;
            Volatile.Write(ref header.Version, TxHeader.Locked);
            Volatile.WriteBarrier();
            counter.ApplyCommitted(delta);
            Volatile.Write(ref header.Version, version);
            Volatile.Write(ref header.Word, TCounter.ValueProperty.Index); // what a reader it invalidates is told it lost on
        }
    }

    /// <summary>Rolls the whole attempt back: private copies are dropped, write locks released.</summary>
    internal void RollbackAttempt()
    {
        while (_savepoints.Count > 0)
        {
            _savepoints.Pop();
        }

        UndoWrites(0);
        Commutes.Truncate(0);
        ReleaseInevitability();
        CurrentOwner = HeaderWord.Owner(Index, 0);
    }

    /// <summary>Forgets the reads of the attempt (after commit, abort, or once a retry has its wait set).</summary>
    internal void ClearReads()
    {
        Reads.Clear();
        CounterReads.Clear();
    }

    /// <summary>
    /// Undoes the write-log entries from <paramref name="from"/> on (a rolled-back nested block, a whole attempt, or a
    /// first write whose version check failed): each object gets back the header word its entry replaced, newest entry
    /// first, so an object written at several nesting levels ends with its oldest undone entry's word (an enclosing
    /// level's ownership, or the free word of before the attempt). The log keeps or pools the private copies.
    /// </summary>
    private void UndoWrites(int from)
    {
        for (int i = Writes.Count - 1; i >= from; i--)
        {
            ref WriteLog.Entry entry = ref Writes[i];
            ref TxHeader header = ref entry.Object.StmHeader;
            if (HeaderWord.BelongsTo(header.Word, Index))
            {
                Volatile.Write(ref header.Word, entry.PreviousWord);
            }
        }

        Writes.Truncate(from);
    }

    /// <summary>
    /// Makes the attempt inevitable: under the commit lock it validates what it has read and registers itself,
    /// after which every other commit waits for it to finish. Nothing it read can change any more, so it never
    /// needs to validate again and can never be aborted by a conflict.
    /// </summary>
    /// <param name="byRequest">The user asked for it (rather than the runtime escalating a starving transaction).</param>
    internal void BecomeInevitable(bool byRequest)
    {
        if (Inevitable)
        {
            _inevitableByRequest |= byRequest;
            return;
        }

        long now = AcquireCommitLock(); // also waits while another transaction is inevitable
        ThrowIfObjectReadsChangedUnderLock(now);
        ReadVersion = now;

        GlobalClock.SetInevitable(Index + 1);

        // Lock-free adders that marked their cell before seeing the registration (a fenced store) may still
        // publish: the check waits for them (new ones now fall back to the lock) and aborts if what we read changed.
        if (CounterReadsChangedWaiting(wait: true))
        {
            GlobalClock.SetInevitable(0);
            GlobalClock.UnlockCommit(now);
            throw CounterConflict();
        }

        Inevitable = true;
        _inevitableByRequest = byRequest;
        Statistics.InevitableTransactions++;
        GlobalClock.UnlockCommit(now);
    }

    /// <summary>Whether the user made this attempt inevitable (so <see cref="Atomic.Retry"/> may not roll it back).</summary>
    internal bool InevitableByRequest => _inevitableByRequest;

    private void ReleaseInevitability()
    {
        if (!Inevitable)
        {
            return;
        }

        Inevitable = false;
        GlobalClock.SetInevitable(0); // clearing needs no lock: it only lets waiting committers proceed
    }

    /// <summary>
    /// Takes the commit lock, waiting while it is held (a short publication) or while another transaction is
    /// inevitable (then for as long as it runs). While waiting we honour abort requests, because the inevitable
    /// transaction may want an object we own.
    /// </summary>
    /// <returns>The current version (even); the lock is released by storing it or a newer one.</returns>
    /// <remarks>
    /// The common case is one compare-and-swap of the clock from the version this attempt read at
    /// (<see cref="GlobalClock.TryLockCommitFrom"/>), with the inevitable check after it, under the lock. Checking
    /// first, as the waiting loop does, reads the line before the swap: when another core committed last, the line
    /// then crosses twice (fetched shared for the read, then upgraded for the swap). At two threads on bank-1M, 13 %
    /// of the samples were on that read.
    /// </remarks>
    private long AcquireCommitLock()
    {
        if ((SoloMode.TryLockCommit(ReservedBy, out long now) || GlobalClock.TryLockCommitFrom(ReadVersion, out now)) &&
            KeepCommitLock(now))
        {
            return now;
        }

        return AcquireCommitLockWaiting();
    }

    /// <summary>Whether no transaction but this one is inevitable (an inevitable one registers while holding the commit lock).</summary>
    private bool NoOtherInevitable
    {
        get
        {
            int inevitable = GlobalClock.InevitableSegment;
            return inevitable == 0 || inevitable == Index + 1;
        }
    }

    /// <summary>
    /// Just after taking the commit lock at <paramref name="now"/>: keeps it if no other transaction is inevitable
    /// (exact under the lock), otherwise releases it.
    /// </summary>
    private bool KeepCommitLock(long now)
    {
        if (NoOtherInevitable)
        {
            return true;
        }

        GlobalClock.UnlockCommit(now);
        return false;
    }

    /// <summary>
    /// <see cref="AcquireCommitLock"/>'s waiting loop. Out of line: its spin may sleep (a P/Invoke), and a method that
    /// inlines one sets up a P/Invoke frame on every call.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private long AcquireCommitLockWaiting()
    {
        var spin = default(SpinWait);
        while (true)
        {
            // Checked before trying too: while another transaction is inevitable, waiting takes no lock at all.
            if (NoOtherInevitable &&
                (SoloMode.TryLockCommit(ReservedBy, out long now) || GlobalClock.TryLockCommit(out now)) &&
                KeepCommitLock(now))
            {
                return now;
            }

            if (AbortRequested)
            {
                throw RequestedAbort();
            }

            spin.SpinOnce(sleep1Threshold: 100);
        }
    }
}
