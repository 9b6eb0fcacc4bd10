using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// One of the bounded pool of transaction slots (c7's segments). A thread running a transaction is bound
/// to one segment, which holds all of the attempt's state: read version, read log, write log, private
/// copies (through the write log), savepoints for nested blocks, handlers and statistics.
/// </summary>
/// <remarks>
/// Everything here is touched only by the bound thread, except <see cref="Priority"/>,
/// <see cref="Inevitable"/>, <see cref="AttemptSerial"/> and the abort request, which other transactions
/// read when they contend for an object this one owns.
/// </remarks>
internal sealed partial class Segment : TransactionContext
{
    [ThreadStatic]
    private static Segment? t_current;

    private readonly Stack<Savepoint> _savepoints = new();
    private readonly List<Action> _commitHandlers = [];
    private readonly List<Action> _abortHandlers = [];
    private long _stampCounter;
    private long _abortRequest;
    private int _abortRequestSite;
    private bool _doomed;
    private ConflictKind _doomKind;
    private int _doomSite;
    private bool _inevitableByRequest;

    /// <summary>
    /// <see cref="Atomic.Retry"/> was called in this attempt and no <c>OrElse</c> has handled it yet. Commit then retries
    /// anyway: user code that catches the retry's exception (a catch-all around a blocking <c>TQueue.Dequeue</c>, say)
    /// must not commit a state the transaction chose to wait out, as with GHC's <c>retry</c>, which cannot be caught.
    /// </summary>
    internal bool RetryPending;

    private long _attemptStart;

    internal Segment(int index)
    {
        Index = index;
        CurrentOwner = HeaderWord.Owner(index, 0);
        Statistics = new SegmentStatistics();
        Writes = new WriteLog(Copies);
        Reads.LimitAppends(SnapshotReads.LoggedReads); // where a first attempt decides whether to stop logging

        // Allocated last, so it sits between this segment's logs and the next segment (allocations from one
        // thread are contiguous and compaction keeps their order): without it the next segment's hot fields
        // share a cache line with this one's statistics, and two cores committing ping-pong that line.
        _tailPadding = new byte[128];
    }

    private readonly byte[] _tailPadding;

    /// <summary>The segment bound to the calling thread, or <see langword="null"/> outside transactions.</summary>
    internal static Segment? Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current;
    }

    /// <summary>
    /// The calling thread's slot behind <see cref="Current"/>, by reference: a runner looks the thread-static
    /// storage up once per transaction and binds and unbinds its segment through the reference (each lookup is a
    /// call into the C library's TLS resolver on Linux, and a transaction would otherwise make three).
    /// </summary>
    internal static ref Segment? CurrentSlot
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref t_current;
    }

    internal int Index { get; }

    /// <summary>1 while a thread holds this segment (see <see cref="SegmentPool"/>).</summary>
    internal int InUse;

    /// <summary>The thread reservation holding this segment between transactions, or null (see <see cref="SegmentReservation"/>).</summary>
    internal SegmentReservation? ReservedBy;

    /// <summary>How long this segment's transactions back off after a conflict (adapts to how often they conflict).</summary>
    internal readonly ContentionBackoff Contention = new();

    /// <summary>The clock value this attempt's reads are consistent with.</summary>
    internal long ReadVersion;

    /// <summary>
    /// The newest version an object may have for the read barrier to return it after the version check alone (see
    /// <see cref="Internal.Barrier"/>'s <c>OpenRead</c>): <see cref="ReadVersion"/> while this attempt neither logs its
    /// reads nor owns any object, otherwise -1 (no object qualifies). Then a read needs no owner test and no log
    /// probe, which is what a long read-only walk does on every object once it has stopped logging.
    /// </summary>
    /// <remarks>Never above <see cref="ReadVersion"/>, and -1 from the attempt's first ownership on: an object at or
    /// below it is free, fresh, or owned by another transaction that has not published it, so its fields hold the
    /// values the full barrier would return (an attempt that owns nothing has no private copy to return).</remarks>
    internal long UnloggedReadLimit = -1;

    /// <summary>
    /// Whether this attempt logs its reads: true until it stops after <see cref="SnapshotReads.LoggedReads"/> reads
    /// (see <see cref="SnapshotReads"/>); from then on it can only commit at its read version.
    /// </summary>
    internal bool LogsReads = true;

    /// <summary>Whether this is the first attempt of its transaction (only a first attempt may stop logging its reads).</summary>
    private bool _firstAttempt;

    /// <summary>When this segment's attempts may stop logging their reads (adapts to how often that failed).</summary>
    internal SnapshotReads Snapshots; // a struct, embedded; never readonly, never copied

    /// <summary>
    /// Objects allocated with this stamp (in <see cref="TxHeader.Word"/>) belong to the current nesting level of the current
    /// attempt. Tagged with <see cref="HeaderWord.FreshTag"/>, and never repeated: a stamp names one level of one attempt.
    /// </summary>
    internal long FreshStamp;

    /// <summary>The owner token of the current nesting level (<see cref="HeaderWord.Owner"/>).</summary>
    internal long CurrentOwner;

    internal ReadLog Reads = new(); // a struct, embedded (one load less per barrier); never readonly, never copied

    /// <summary>The attempt's writes and private copies (it pools copies in <see cref="Copies"/>).</summary>
    internal readonly WriteLog Writes;

    internal readonly CommuteLog Commutes = new();

    /// <summary>Spare private copies from earlier attempts (see <see cref="CopyPool"/>).</summary>
    internal readonly CopyPool Copies = new();

    /// <summary>1 when a full collection asked this segment to drop its kept copies (see <see cref="CopyTrimmer"/>).</summary>
    internal int CopyTrimRequested;

    /// <summary>
    /// Drops the copies kept for reuse in the write log and the pool, and with them the references they still hold.
    /// Only by the segment's holder, between transactions.
    /// </summary>
    internal void DropCopies()
    {
        Volatile.Write(ref CopyTrimRequested, 0); // first: a request made while dropping is kept for the next release
        Writes.DropKeptCopies();
        Copies.Clear();
    }

    /// <summary>Age of the top-level transaction (clock at its first attempt): lower is older and wins.</summary>
    internal long Priority;

    /// <summary>Counts attempts; an abort request names the attempt it is meant for.</summary>
    internal long AttemptSerial;

    /// <summary>The <see cref="AttemptSerial"/> of the attempt that last began to commit (read by conflicting writers).</summary>
    internal long CommittingSerial;

    /// <summary>Whether this attempt is registered as the inevitable one: no other commit publishes until it ends, and conflicts never abort it.</summary>
    internal volatile bool Inevitable;

    internal SegmentStatistics Statistics { get; }

    internal int Depth => _savepoints.Count;

    /// <summary>
    /// Whether this attempt must abort: it lost a conflict (perhaps swallowed by user code) or was asked to while
    /// it could still be aborted. An abort request that arrives (or is found) once the attempt is inevitable is
    /// ignored, as <see cref="ThrowIfAbortRequested"/> does: the requester simply waits for our commit.
    /// </summary>
    /// <remarks>Stable for the rest of the attempt once true (it does not depend on what the attempt owns), so
    /// <c>OrElse</c> and the top-level runner always agree about it.</remarks>
    internal bool Doomed => _doomed || (!Inevitable && Volatile.Read(ref _abortRequest) == AttemptSerial);

    /// <summary>
    /// Whether to give up now because another transaction asked for it. A request is about objects we own: while
    /// we own none (nothing written yet, or the writes were rolled back) we cannot be what the requester waits
    /// for, so we keep running; an inevitable attempt ignores requests (the requester waits for our commit).
    /// </summary>
    private bool AbortRequested => Volatile.Read(ref _abortRequest) == AttemptSerial && !Inevitable && Writes.Count > 0;

    // ----------------------------------------------------------------------------------------------
    // Attempt life cycle
    // ----------------------------------------------------------------------------------------------

    /// <summary>Starts an attempt of a top-level transaction (the runner then binds this segment to the calling thread).</summary>
    /// <param name="priority">The transaction's age from its first attempt, or 0 for a first attempt.</param>
    /// <param name="firstAttempt">Whether this is the transaction's first attempt: only a first attempt may stop logging its reads.</param>
    internal void BeginAttempt(long priority, bool firstAttempt)
    {
        LogsReads = true;
        UnloggedReadLimit = -1;
        _firstAttempt = firstAttempt;
        if (!Reads.AppendsLimited)
        {
            // The previous attempt logged on past the limit. Small transactions never get here: the log keeps its
            // limit from one attempt to the next.
            Reads.LimitAppends(SnapshotReads.LoggedReads);
        }

        Volatile.Write(ref AttemptSerial, AttemptSerial + 1);
        _doomed = false;
        RetryPending = false;
        _inevitableByRequest = false;
        _attemptStart = CoarseClock.Now; // a field load: see CoarseClock
        CurrentOwner = HeaderWord.Owner(Index, 0);
        FreshStamp = NextStamp();
        ReadVersion = GlobalClock.Now;
        Priority = priority == 0 ? ReadVersion + 1 : priority;
    }

    /// <summary>
    /// Makes the running attempt log every read, as a re-run does (for tests and benchmarks of the read log itself).
    /// Call it before the attempt has logged <see cref="SnapshotReads.LoggedReads"/> reads.
    /// </summary>
    internal void KeepLoggingReads() => Reads.LimitAppends(int.MaxValue);

    private long NextStamp() => HeaderWord.FreshTag | (++_stampCounter << 10) | (uint)Index;

    /// <summary>Time spent in the current attempt, in (coarse) milliseconds.</summary>
    /// <remarks>Both ends come from <see cref="CoarseClock"/>: its value lags the OS clock by up to one step of it (4 ms
    /// here), and subtracting a lagging start from the OS clock charged every abort that lag (15 s instead of 0.4 s
    /// over the Bank sample's 10,000 aborts). Summed over many aborts the difference of two ticks estimates the time
    /// lost, because tick boundaries fall at a random phase relative to an attempt.</remarks>
    internal long AttemptMilliseconds => Math.Max(0, CoarseClock.Now - _attemptStart);

    /// <summary>Asks the given attempt to abort because another transaction wants to write <paramref name="property"/>.</summary>
    internal void RequestAbort(long attemptSerial, TransactionalProperty property)
    {
        // Site before serial: whoever sees the request also sees what it is about (for the conflict report).
        Volatile.Write(ref _abortRequestSite, property.Index);
        Volatile.Write(ref _abortRequest, attemptSerial);
    }

    /// <summary>The conflict an abort request stands for: write-write on the property the requester wants.</summary>
    private ConflictException RequestedAbort() =>
        Conflict(ConflictKind.WriteWrite, TransactionalProperty.FromIndex(Volatile.Read(ref _abortRequestSite)));

    /// <summary>
    /// The conflict that doomed this attempt, for re-running it when user code swallowed the original
    /// <see cref="ConflictException"/> (so the abort is still attributed to the right property).
    /// </summary>
    internal ConflictException DoomCause() =>
        _doomed ? new ConflictException(_doomKind, TransactionalProperty.FromIndex(_doomSite)) : RequestedAbort();

    /// <summary>Throws if another transaction has asked this attempt to abort (it wants an object we own).</summary>
    internal void ThrowIfAbortRequested()
    {
        if (AbortRequested)
        {
            throw RequestedAbort();
        }
    }

    /// <summary>Marks the attempt doomed and makes the exception that unwinds it.</summary>
    internal ConflictException Conflict(ConflictKind kind, TransactionalProperty property)
    {
        _doomed = true;
        _doomKind = kind;
        _doomSite = property.Index;
        return new ConflictException(kind, property);
    }

    /// <summary>
    /// The abort of an attempt that stopped logging its reads and now needs them: a newer object met, or commits
    /// since its read version at its own commit (see <see cref="SnapshotReads"/>). A read-write conflict that may
    /// or may not be real; the transaction re-runs with a log.
    /// </summary>
    internal ConflictException UnverifiableSnapshot(TransactionalProperty property)
    {
        Snapshots.Failed(); // here rather than in the run loop: then a commit or an ordinary abort checks nothing for it
        return Conflict(ConflictKind.ReadWrite, property);
    }

    // ----------------------------------------------------------------------------------------------
    // Handlers
    // ----------------------------------------------------------------------------------------------

    internal void AddCommitHandler(Action handler) => _commitHandlers.Add(handler);

    internal void AddAbortHandler(Action handler) => _abortHandlers.Add(handler);

    /// <summary>Takes the handlers to run after this attempt and forgets the others.</summary>
    internal Action[]? TakeHandlers(bool committed)
    {
        List<Action> run = committed ? _commitHandlers : _abortHandlers;
        Action[]? result = run.Count == 0 ? null : run.ToArray();
        if (_commitHandlers.Count != 0)
        {
            _commitHandlers.Clear(); // (List.Clear on an empty list still calls into Array.Clear: skipped, it is per transaction)
        }

        if (_abortHandlers.Count != 0)
        {
            _abortHandlers.Clear();
        }

        return result;
    }

    // ----------------------------------------------------------------------------------------------
    // Nesting (closed): a savepoint per nested block
    // ----------------------------------------------------------------------------------------------

    internal void PushSavepoint()
    {
        if (_savepoints.Count == HeaderWord.MaxDepth)
        {
            throw new InvalidOperationException($"Atomic blocks are nested more than {HeaderWord.MaxDepth} deep.");
        }

        _savepoints.Push(new Savepoint(Writes.Count, Commutes.Count, _commitHandlers.Count, _abortHandlers.Count));
        Commutes.SealFolding();
        CurrentOwner = HeaderWord.Owner(Index, _savepoints.Count);

        // Objects the enclosing level allocated are no longer fresh for the nested block: its writes to them
        // must go through private copies so that rolling the nested block back can undo them.
        FreshStamp = NextStamp();
    }

    /// <summary>The nested block committed into its parent: its writes now belong to the parent level.</summary>
    internal void MergeSavepoint()
    {
        Savepoint savepoint = _savepoints.Pop();
        long nested = CurrentOwner;
        CurrentOwner = HeaderWord.Owner(Index, _savepoints.Count);
        for (int i = savepoint.WriteCount; i < Writes.Count; i++)
        {
            ref TxHeader header = ref Writes[i].Object.StmHeader;
            long word = header.Word;
            if (HeaderWord.OwnerOf(word) == nested)
            {
                // The copy index stays: its entry is now the parent's.
                Volatile.Write(ref header.Word, HeaderWord.Owned(CurrentOwner, HeaderWord.CopyIndex(word)));
            }
        }

        // Keep the nested block's fresh stamp: what it allocated stays fresh (never copied) for the parent,
        // while what the parent allocated before the block stays non-fresh (it may have been copied).
    }

    /// <summary>The nested block is rolled back: restore what its first writes replaced, drop its handlers.</summary>
    internal void RollbackSavepoint()
    {
        Savepoint savepoint = _savepoints.Pop();
        UndoWrites(savepoint.WriteCount);
        Commutes.Truncate(savepoint.CommuteCount);
        _commitHandlers.RemoveRange(savepoint.CommitHandlers, _commitHandlers.Count - savepoint.CommitHandlers);
        _abortHandlers.RemoveRange(savepoint.AbortHandlers, _abortHandlers.Count - savepoint.AbortHandlers);
        CurrentOwner = HeaderWord.Owner(Index, _savepoints.Count);
        FreshStamp = NextStamp();
    }

    private readonly record struct Savepoint(int WriteCount, int CommuteCount, int CommitHandlers, int AbortHandlers);
}
