using System;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

internal sealed partial class Segment
{
    /// <summary>
    /// Read barrier slow path: the object is owned by someone, its version is newer than our read
    /// version, or this is the attempt's first read of it.
    /// </summary>
    internal object OpenReadSlow(ref TxHeader header, ITransactionalObject self, TransactionalProperty property)
    {
        OwnerToken? owner = Volatile.Read(ref header.Owner);
        if (owner is not null && owner.Segment == this)
        {
            return header.Copy!; // our own write: nobody else can change it, no need to record the read
        }

        StartClock();
        ThrowIfAbortRequested();
        while (true)
        {
            // State before version: a commit writes version before state, so a new state is never paired
            // with an old version (see docs/architecture.md, "Why opacity holds").
            object? state = Volatile.Read(ref header.State);
            if (Volatile.Read(ref header.Version) <= ReadVersion)
            {
                int id = ObjectIds.Ensure(ref header);
                if (!Reads.Contains(id, self))
                {
                    Reads.Add(id, self);
                }

                return state ?? self;
            }

            // Someone committed this object after we started: move our read version forward if
            // everything read so far is still current, otherwise abort.
            Extend();
        }
    }

    /// <summary>
    /// Write barrier slow path: first write to this object at this nesting level (or a fresh object, or a
    /// write outside any transaction, which is an error here).
    /// </summary>
    internal static object OpenWriteSlow(Segment? segment, ref TxHeader header, ITransactionalObject self, TransactionalProperty property)
    {
        if (segment is null)
        {
            throw new InvalidOperationException(
                "A transactional property was written through the transactional write barrier outside any atomic block. " +
                "Generated setters call Barrier.WriteOutside in that case; wrap the write in Atomic.Run(...).");
        }

        return segment.OpenWriteSlow(ref header, self, property);
    }

    private object OpenWriteSlow(ref TxHeader header, ITransactionalObject self, TransactionalProperty property)
    {
        if (header.Fresh == FreshStamp)
        {
            return self;
        }

        StartClock();
        ThrowIfAbortRequested();
        OwnerToken token = CurrentToken;
        var spin = default(SpinWait);
        while (true)
        {
            OwnerToken? owner = Volatile.Read(ref header.Owner);
            if (owner == token)
            {
                return header.Copy!;
            }

            if (owner is not null && owner.Segment == this)
            {
                // Written by an enclosing level: copy its copy, so rolling this level back restores it.
                object previousCopy = header.Copy!;
                object copy = ((ITransactionalObject)previousCopy).StmClone();
                Writes.Add(self, owner, previousCopy, property);
                header.Copy = copy;
                Volatile.Write(ref header.Owner, token);
                return copy;
            }

            if (owner is null)
            {
                if (Interlocked.CompareExchange(ref header.Owner, token, null) is null)
                {
                    // We hold the write lock: only we can publish this object now, so its state is stable.
                    Writes.Add(self, null, null, property);
                    while (Volatile.Read(ref header.Version) > ReadVersion)
                    {
                        Extend();
                    }

                    object state = Volatile.Read(ref header.State) ?? self;
                    header.Copy = ((ITransactionalObject)state).StmClone();
                    return header.Copy;
                }

                continue;
            }

            ResolveWriteConflict(owner, ref header, property, ref spin);
        }
    }

    /// <summary>
    /// Another transaction owns an object we want to write. The inevitable transaction always wins; otherwise
    /// the older one wins. The loser aborts; the winner asks the owner to abort and waits for the lock.
    /// Waits only ever go from older to younger, so no cycle (deadlock) can form.
    /// </summary>
    private void ResolveWriteConflict(OwnerToken owner, ref TxHeader header, TransactionalProperty property, ref SpinWait spin)
    {
        Segment other = owner.Segment;
        bool weWin = Inevitable || (!other.Inevitable && IsOlderThan(other));
        if (!weWin)
        {
            throw Conflict(ConflictKind.WriteWrite, property);
        }

        other.RequestAbort(Volatile.Read(ref other.AttemptSerial), property);
        while (Volatile.Read(ref header.Owner) == owner)
        {
            ThrowIfAbortRequested();
            spin.SpinOnce(sleep1Threshold: -1);
            other.RequestAbort(Volatile.Read(ref other.AttemptSerial), property);
        }
    }

    private bool IsOlderThan(Segment other)
    {
        long mine = Priority;
        long theirs = Volatile.Read(ref other.Priority);
        return mine < theirs || (mine == theirs && Index < other.Index);
    }

    /// <summary>
    /// Moves the read version up to the current clock if every object read so far is unchanged (so the
    /// attempt's view is also a consistent snapshot at the newer version); otherwise aborts the attempt.
    /// </summary>
    internal void Extend()
    {
        long now = GlobalClock.Now;
        ITransactionalObject? changed = Reads.FindChangedSince(ReadVersion);
        if (changed is not null)
        {
            throw Conflict(ConflictKind.ReadWrite, TransactionalProperty.FromIndex(changed.StmHeader.WriteSite));
        }

        if (now == ReadVersion)
        {
            // A commit is mid-publication (version written, clock not yet): let it finish.
            Thread.SpinWait(20);
        }

        ReadVersion = now;
        ThrowIfAbortRequested();
    }
}
