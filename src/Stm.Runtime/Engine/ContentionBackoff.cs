using System;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// How long a segment's transactions back off after a conflict: exponential in the attempt's consecutive
/// conflicts, from a base that adapts to how often this segment has been conflicting lately.
/// </summary>
/// <remarks>
/// <para>A write-write conflict that recurs within <see cref="QuietCommits"/> commits of the previous one raises the level
/// (doubling every later back-off, up to <see cref="MaxLevel"/>); each run of <see cref="QuietCommits"/> commits
/// without a conflict lowers it again. The level therefore settles where this segment conflicts about once per
/// <see cref="QuietCommits"/> commits.</para>
/// <para>Why adapt: short transactions on a small hot set (64 bank accounts, one counter) lose far more to cache
/// lines moving between cores than to the conflicts themselves. With a fixed back-off of a few hundred
/// nanoseconds the two threads of <c>bank-64</c> kept interleaving and ran 3.6 M transfers/s together, a third of
/// one thread alone (11 M); letting the loser stay out longer lets the winner run a burst with its lines in its
/// own cache, as a lock's unfair hand-over does. Measured with a fixed back-off 64 times longer: 9.4 M. A fixed
/// long back-off would make every occasional conflict of other workloads wait tens of microseconds; the level
/// makes only segments that keep conflicting wait that long.</para>
/// <para>Owned by one segment and used only by the thread bound to it: plain fields.</para>
/// </remarks>
internal sealed class ContentionBackoff
{
    /// <summary>Commits without a conflict after which the level drops by one (and within which a conflict raises it).</summary>
    internal const int QuietCommits = 256;

    /// <summary>The highest level: back-offs at most 2^8 times the base.</summary>
    internal const int MaxLevel = 8;

    /// <summary>The exponent of the first back-off at level 0: <c>Thread.SpinWait</c> of 8 to 16 iterations (~0.3-0.6 µs here).</summary>
    private const int BaseShift = 4;

    /// <summary>The largest exponent: 2^13 iterations, ~0.3 ms.</summary>
    private const int MaxShift = 13;

    private int _level;
    private int _commitsSinceConflict = QuietCommits;

    /// <summary>The current level (0 = the base back-off): for tests and diagnostics.</summary>
    internal int Level => _level;

    /// <summary>Counts a commit; a long enough run of them lowers the level.</summary>
    internal void Committed()
    {
        if (_commitsSinceConflict < QuietCommits && ++_commitsSinceConflict == QuietCommits && _level > 0)
        {
            _level--;
            _commitsSinceConflict = 0;
        }
    }

    /// <summary>
    /// Counts a conflict abort. A write-write conflict soon after the previous conflict raises the level. A
    /// read-write conflict never does: a reader whose reads keep being overwritten does not slow the writers by
    /// re-running (reads are invisible to them), so waiting longer would only delay it.
    /// </summary>
    /// <param name="kind">The kind of the conflict.</param>
    internal void Conflicted(ConflictKind kind)
    {
        if (kind == ConflictKind.WriteWrite && _commitsSinceConflict < QuietCommits && _level < MaxLevel)
        {
            _level++;
        }

        _commitsSinceConflict = 0;
    }

    /// <summary>
    /// Backs off before re-running an attempt that lost its <paramref name="conflicts"/>-th conflict in a row:
    /// randomized (so two losers do not retry in step), and from the third conflict on it also yields the core.
    /// </summary>
    /// <param name="conflicts">Consecutive conflicts of this transaction, at least 1.</param>
    /// <param name="level">The level when the attempt aborted (read before the segment was released).</param>
    internal static void Wait(int conflicts, int level)
    {
        int limit = SpinLimit(conflicts, level);
        Thread.SpinWait(Random.Shared.Next(limit / 2, limit));
        if (conflicts > 2)
        {
            Thread.Yield();
        }
    }

    /// <summary>
    /// The upper bound of the back-off in <c>Thread.SpinWait</c> iterations (the wait is drawn from its upper half):
    /// doubles with each consecutive conflict and each level, capped at 2^<see cref="MaxShift"/>.
    /// </summary>
    internal static int SpinLimit(int conflicts, int level) =>
        1 << Math.Min(Math.Min(conflicts, MaxShift) + BaseShift - 1 + level, MaxShift);
}
