using System;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

internal sealed partial class Segment
{
    /// <summary>
    /// Commits the top-level attempt. A read-only attempt has nothing to do: every read was consistent at
    /// <see cref="ReadVersion"/>. A writing attempt takes the commit lock, validates its read log only if
    /// some commit happened since its read version, then publishes each private copy with a new version.
    /// </summary>
    /// <exception cref="ConflictException">The attempt lost a conflict and must be re-run.</exception>
    internal void Commit()
    {
        if (_doomed)
        {
            throw Conflict(ConflictKind.ReadWrite, TransactionalProperty.Unknown);
        }

        if (Writes.Count == 0 && Commutes.Count == 0)
        {
            ReleaseInevitability();
            Reads.Clear();
            return;
        }

        if (!Inevitable)
        {
            AcquireCommitLock();
        }

        try
        {
            long now = GlobalClock.Now;
            if (now != ReadVersion)
            {
                ITransactionalObject? changed = Reads.FindChangedSince(ReadVersion);
                if (changed is not null)
                {
                    throw Conflict(ConflictKind.ReadWrite, TransactionalProperty.FromIndex(changed.StmHeader.WriteSite));
                }
            }

            long version = now + 1;

            // Publication is a sequence-lock write per object: mark it Locked, copy the private values in,
            // then store the new version. A reader that raced with the copy sees the version change and
            // reads again; a transaction that had read the object finds it newer and aborts.
            for (int i = 0; i < Writes.Count; i++)
            {
                ref TxHeader header = ref Writes[i].Object.StmHeader;
                if (header.CopyIndex == i)
                {
                    Volatile.Write(ref header.Version, TxHeader.Locked);
                }
            }

            foreach ((Collections.TCounter counter, long _) in Commutes.Entries)
            {
                Volatile.Write(ref ((ITransactionalObject)counter).StmHeader.Version, TxHeader.Locked);
            }

            Volatile.WriteBarrier(); // every Locked mark is visible before any value changes
            for (int i = 0; i < Writes.Count; i++)
            {
                // Only an object's current entry holds its final copy (earlier ones belong to merged levels).
                ref WriteLog.Entry entry = ref Writes[i];
                ref TxHeader header = ref entry.Object.StmHeader;
                if (header.CopyIndex == i)
                {
                    entry.Object.StmPublish(entry.Copy);
                    header.WriteSite = entry.Property.Index;
                    Volatile.Write(ref header.Version, version); // release: the values are visible first
                }
            }

            foreach ((Collections.TCounter counter, long delta) in Commutes.Entries)
            {
                counter.ApplyCommitted(delta);
            }

            foreach ((Collections.TCounter counter, long _) in Commutes.Entries)
            {
                Volatile.Write(ref ((ITransactionalObject)counter).StmHeader.Version, version);
            }

            GlobalClock.Advance(version);
        }
        finally
        {
            if (Inevitable)
            {
                ReleaseInevitability();
            }
            else
            {
                GlobalClock.UnlockCommit();
            }
        }

        ReleaseOwnership();
        Commutes.Truncate(0);
        Reads.Clear();
        RetryGate.NotifyCommitted();
    }

    /// <summary>Rolls the whole attempt back: private copies are dropped, write locks released.</summary>
    internal void RollbackAttempt()
    {
        while (_savepoints.Count > 0)
        {
            _savepoints.Pop();
        }

        ReleaseOwnership();
        Commutes.Truncate(0);
        ReleaseInevitability();
        CurrentOwner = OwnerWord.Make(Index, 0);
    }

    /// <summary>Forgets the reads of the attempt (after commit, abort, or once a retry has its wait set).</summary>
    internal void ClearReads() => Reads.Clear();

    private void ReleaseOwnership()
    {
        for (int i = 0; i < Writes.Count; i++)
        {
            ref TxHeader header = ref Writes[i].Object.StmHeader;
            if (OwnerWord.BelongsTo(header.Owner, Index))
            {
                Volatile.Write(ref header.Owner, OwnerWord.None);
            }
        }

        Writes.Truncate(0);
    }

    /// <summary>
    /// Makes the attempt inevitable: it takes the commit lock and keeps it to the end, so no other commit can
    /// invalidate what it read and it can never be aborted by a conflict.
    /// </summary>
    /// <param name="byRequest">The user asked for it (rather than the runtime escalating a starving transaction).</param>
    internal void BecomeInevitable(bool byRequest)
    {
        if (Inevitable)
        {
            _inevitableByRequest |= byRequest;
            return;
        }

        AcquireCommitLock();
        long now = GlobalClock.Now;
        if (now != ReadVersion)
        {
            ITransactionalObject? changed = Reads.FindChangedSince(ReadVersion);
            if (changed is not null)
            {
                GlobalClock.UnlockCommit();
                throw Conflict(ConflictKind.ReadWrite, TransactionalProperty.FromIndex(changed.StmHeader.WriteSite));
            }

            ReadVersion = now;
        }

        GlobalClock.InevitableSegment = this;
        Inevitable = true;
        _inevitableByRequest = byRequest;
        Statistics.InevitableTransactions++;
    }

    /// <summary>Whether the user made this attempt inevitable (so <see cref="Atomic.Retry"/> may not roll it back).</summary>
    internal bool InevitableByRequest => _inevitableByRequest;

    private void ReleaseInevitability()
    {
        if (!Inevitable)
        {
            return;
        }

        GlobalClock.InevitableSegment = null;
        Inevitable = false;
        GlobalClock.UnlockCommit();
    }

    /// <summary>
    /// Waits for the commit lock. The holder is either a short publication or an inevitable transaction; while
    /// waiting we honour abort requests, because the inevitable one may want an object we own.
    /// </summary>
    private void AcquireCommitLock()
    {
        var spin = default(SpinWait);
        while (!GlobalClock.TryLockCommit())
        {
            if (Volatile.Read(ref _abortRequest) == AttemptSerial)
            {
                throw Conflict(ConflictKind.WriteWrite, TransactionalProperty.Unknown);
            }

            spin.SpinOnce(sleep1Threshold: 100);
        }
    }
}
