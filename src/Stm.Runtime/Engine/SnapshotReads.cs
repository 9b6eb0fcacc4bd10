namespace Stm.Engine;

/// <summary>
/// Decides when a segment's attempts may stop logging their reads (TL2's read-only snapshot, extended to
/// attempts that write): after <see cref="LoggedReads"/> logged reads, the first attempt of a top-level
/// transaction goes on without a read log, unless such attempts have failed here lately. The decision is made
/// there, at the read that reaches the limit, so transactions that read less pay nothing for it.
/// </summary>
/// <remarks>
/// <para>Why it is safe. Every read of an attempt checks that the object's version is no newer than the attempt's
/// read version and did not change while its field was read, so everything the attempt has seen is the committed
/// state at its read version. What the log adds is the ability to <i>move</i> that version later: to validate the
/// reads again when the attempt meets a newer object (extension), and at commit when other commits happened since.
/// An attempt without a log cannot do either. So it keeps going only while nothing forces a move: a read-only
/// attempt commits as it is (its snapshot is consistent), and a writing attempt commits only if no other commit
/// happened since its read version, checked under the commit lock (then nothing it read can have changed). In
/// every other case (a newer object met, a commit in between, <see cref="Atomic.Retry"/>, which needs the whole
/// read set to wait on, or becoming inevitable) the attempt aborts and the transaction re-runs, with a log.</para>
/// <para>Why it pays. A first read costs an out-of-line call and an append; a tree walk or a list search of
/// hundreds of objects spends ~40 % of its time there. Small transactions, whose logs are cheap and whose
/// re-runs would be frequent under contention, never reach <see cref="LoggedReads"/>.</para>
/// <para>Why it adapts. Under many concurrent writers a long writing attempt almost always sees another commit
/// before its own, so its unlogged first attempts would be wasted. Each failure doubles the number of later
/// transactions that keep logging past the limit (up to 2^<see cref="MaxPenalty"/>); each unlogged attempt that
/// commits halves it again.</para>
/// <para>A struct embedded in its segment (<see cref="Segment.Snapshots"/>, never copied), used only by the thread bound to it.</para>
/// </remarks>
internal struct SnapshotReads
{
    /// <summary>Reads an attempt logs before it may stop logging.</summary>
    internal const int LoggedReads = 32;

    /// <summary>The highest penalty: after repeated failures, the next 2^10 attempts that reach the limit log on.</summary>
    internal const int MaxPenalty = 10;

    private int _penalty;
    private int _holdoff;

    /// <summary>The current penalty (0 = unlogged attempts allowed): for tests and diagnostics.</summary>
    internal int Penalty => _penalty;

    /// <summary>
    /// Whether a first attempt that has just logged <see cref="LoggedReads"/> reads may stop logging. Counts the
    /// attempts that log on while a penalty holds.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal bool Allowed()
    {
        if (_holdoff == 0)
        {
            return true;
        }

        _holdoff--;
        return false;
    }

    /// <summary>An attempt without a log had to abort for lack of it.</summary>
    internal void Failed()
    {
        if (_penalty < MaxPenalty)
        {
            _penalty++;
        }

        _holdoff = 1 << _penalty;
    }

    /// <summary>An attempt without a log committed.</summary>
    internal void Committed()
    {
        if (_penalty > 0)
        {
            _penalty--;
        }
    }
}
