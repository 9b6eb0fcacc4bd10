using System;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

internal sealed partial class Segment
{
    /// <summary>
    /// Read barrier slow path: the object is owned by someone, its version is newer than our read
    /// version (or a commit is copying values into it), or this is the attempt's first read of it.
    /// </summary>
    internal object OpenReadSlow(ref TxHeader header, ITransactionalObject self, TransactionalProperty property, out long version)
    {
        long word = Volatile.Read(ref header.Word);
        if (HeaderWord.BelongsTo(word, Index))
        {
            // Our own write: nobody else can change the copy, no need to record the read. The object's version cannot
            // change either while we hold its lock, so the caller's check of it always passes.
            version = Volatile.Read(ref header.Version);
            return Writes.CopyAt(HeaderWord.CopyIndex(word));
        }

        ThrowIfAbortRequested();
        while (true)
        {
            long current = Volatile.Read(ref header.Version);
            if (current == TxHeader.Locked)
            {
                current = WaitUntilPublished(ref header);
            }

            if (current <= ReadVersion)
            {
                if (!Reads.Contains(self) && LogsReads)
                {
                    RecordRead(self);
                }

                version = current;
                return self;
            }

            // Someone committed this object after we started: move our read version forward if
            // everything read so far is still current, otherwise abort.
            Extend(property);
        }
    }

    /// <summary>
    /// Adds an object to the read log (the barrier found it absent from the log's probe slot: while the log appends, the
    /// object just read twice in a row). Small on purpose: the common case is two stores.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal void RecordRead(ITransactionalObject self)
    {
        if (!Reads.TryAppend(self))
        {
            RecordReadCached(self);
        }
    }

    /// <summary>
    /// The attempt's first logged read, the cached mode's lookup and add, or the general path. A call of its own so
    /// that <see cref="RecordRead"/>, which every first read in the appending mode calls, keeps a small frame (with the
    /// cached add in it, it saved six registers on every call: intset −5 %).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RecordReadCached(ITransactionalObject self)
    {
        if (!Reads.TryAppendFirst(self) && !Reads.TryAddCached(self))
        {
            RecordReadSlow(self);
        }
    }

    /// <summary>Log growth, a duplicate check, the cached mode, or the snapshot decision.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RecordReadSlow(ITransactionalObject self)
    {
        if (Reads.Count >= SnapshotReads.LoggedReads && Reads.AppendsLimited)
        {
            // The log reached its limit: enough reads to make it worth skipping. A first attempt whose segment allows
            // it reads the rest as a snapshot (see SnapshotReads); any other logs on, without the limit.
            if (_firstAttempt && Snapshots.Allowed())
            {
                LogsReads = false;
                UnloggedReadLimit = Writes.Count == 0 ? ReadVersion : -1; // an attempt that owns an object reads it in its copy
                return;
            }

            Reads.LimitAppends(int.MaxValue);
        }

        Reads.Add(self);
    }

    /// <summary>Spins while a commit copies values into the object; returns the version it published.</summary>
    /// <remarks>Never inlined: it is rare, and its spin (which may sleep, a P/Invoke) would make every method that
    /// inlines a read barrier set up a P/Invoke frame on entry and keep more values on the stack.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static long WaitUntilPublished(ref TxHeader header)
    {
        var spin = default(SpinWait);
        long current;
        while ((current = Volatile.Read(ref header.Version)) == TxHeader.Locked)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return current;
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
        if (Volatile.Read(ref header.Word) == FreshStamp)
        {
            return self;
        }

        ThrowIfAbortRequested();
        long token = CurrentOwner;
        var spin = default(SpinWait);
        while (true)
        {
            long word = Volatile.Read(ref header.Word);
            if (HeaderWord.OwnerOf(word) == token)
            {
                return Writes.CopyAt(HeaderWord.CopyIndex(word));
            }

            if (HeaderWord.BelongsTo(word, Index))
            {
                // Written by an enclosing level: copy its copy, so rolling this level back restores it.
                var parentCopy = (ITransactionalObject)Writes.CopyAt(HeaderWord.CopyIndex(word));
                int index = Writes.Add(self, parentCopy, word, property);
                Volatile.Write(ref header.Word, HeaderWord.Owned(token, index));
                return Writes.CopyAt(index);
            }

            if (!HeaderWord.IsOwned(word))
            {
                // Free (or fresh for a level that has ended). The lock names the entry the copy will get.
                // (Without a locked instruction while this thread is the only one running transactions: SoloMode.)
                long owned = HeaderWord.Owned(token, Writes.NextIndex);
                UnloggedReadLimit = -1; // before the lock: once the object is ours, our reads of it must find our copy
                if (SoloMode.TryOwn(ReservedBy, ref header.Word, word, owned) ||
                    Interlocked.CompareExchange(ref header.Word, owned, word) == word)
                {
                    // We hold the write lock: only we can publish this object now, so its values are stable (the
                    // previous owner finished copying its values in before it released the lock) and can be copied
                    // before the check. Logged first, so that a conflict report finds the word the lock replaced.
                    int index = Writes.Add(self, self, word, property);
                    System.Diagnostics.Debug.Assert(index == HeaderWord.CopyIndex(owned), "the lock names the entry the copy got");
                    try
                    {
                        while (Volatile.Read(ref header.Version) > ReadVersion)
                        {
                            Extend(property);
                        }
                    }
                    catch
                    {
                        UndoWrites(index); // release it here: the attempt's rollback no longer sees the entry
                        throw;
                    }

                    return Writes.CopyAt(index);
                }

                continue;
            }

            ResolveWriteConflict(word, ref header, property, ref spin);
        }
    }

    /// <summary>
    /// Another transaction owns an object we want to write. The inevitable transaction always wins; otherwise
    /// the older one wins. The loser aborts; the winner asks the owner to abort and waits for the lock.
    /// Waits only ever go from older to younger, so no cycle (deadlock) can form.
    /// </summary>
    private void ResolveWriteConflict(long owner, ref TxHeader header, TransactionalProperty property, ref SpinWait spin)
    {
        Segment other = SegmentPool.All[HeaderWord.SegmentIndex(owner)];
        bool weWin = Inevitable || (!other.Inevitable && IsOlderThan(other));
        if (!weWin)
        {
            throw Conflict(ConflictKind.WriteWrite, property);
        }

        if (!Inevitable && Volatile.Read(ref other.CommittingSerial) == Volatile.Read(ref other.AttemptSerial) &&
            Reads.Holds(ref header))
        {
            // The owner is past its body and about to publish the object, which makes our read of it stale: waiting
            // for the owner would only end in our abort (a hot counter measured 158 k such waits in 3 s). Yield now.
            // (A blind write, with no read of the object, still waits: it can go on after the owner's commit.)
            throw Conflict(ConflictKind.WriteWrite, property);
        }

        other.RequestAbort(Volatile.Read(ref other.AttemptSerial), property);
        while (Volatile.Read(ref header.Word) == owner)
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
    /// <param name="property">The property whose newer object made the attempt extend (reported if it cannot).</param>
    internal void Extend(TransactionalProperty property)
    {
        if (!LogsReads)
        {
            throw UnverifiableSnapshot(property); // without a log, what was read cannot be validated at a newer version
        }

        long now = GlobalClock.Now;
        if (now == ReadVersion)
        {
            // The newer version belongs to a commit still publishing (its version is ahead of the clock):
            // wait for the clock to move instead of validating the whole read log on every spin.
            var spin = default(SpinWait);
            while ((now = GlobalClock.Now) == ReadVersion)
            {
                ThrowIfAbortRequested();
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        ITransactionalObject? changed = Reads.FindChangedSince(ReadVersion);
        if (changed is not null)
        {
            throw Conflict(ConflictKind.ReadWrite, LastWriteOf(changed));
        }

        ThrowIfCounterReadsChanged();
        ReadVersion = now;
        ThrowIfAbortRequested();
    }

    /// <summary>
    /// The property of the last committed write to <paramref name="changed"/>, for the report of a read-write conflict:
    /// recorded in its free header word, or, if another transaction has taken the object since, in that owner's
    /// write-log entry (the word it replaced). A racy read of another segment's log: an owner between its lock and its
    /// log entry (a few instructions) is waited for; after many tries the answer is <see cref="TransactionalProperty.Unknown"/>.
    /// </summary>
    private static TransactionalProperty LastWriteOf(ITransactionalObject changed)
    {
        var spin = default(SpinWait);
        for (int tries = 0; tries < 100; tries++)
        {
            if (TryFindSite(changed, out int site))
            {
                return TransactionalProperty.FromIndex(site);
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        return TransactionalProperty.Unknown;
    }

    /// <summary>Follows the object's header word through the owners' log entries to a free word (see <see cref="LastWriteOf"/>).</summary>
    private static bool TryFindSite(ITransactionalObject changed, out int site)
    {
        long word = Volatile.Read(ref changed.StmHeader.Word);
        for (int hops = 0; HeaderWord.IsOwned(word); hops++)
        {
            Segment owner = SegmentPool.All[HeaderWord.SegmentIndex(word)];
            if (hops == 64 || !owner.Writes.TryGetPreviousWord(HeaderWord.CopyIndex(word), changed, out word))
            {
                site = 0;
                return false; // (the owner has not logged the object yet, or its entries are changing under us)
            }
        }

        site = HeaderWord.Site(word);
        return true;
    }
}
