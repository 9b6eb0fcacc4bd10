using System.Runtime.InteropServices;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// The process-wide commit state on one cache line: a version clock that doubles as the commit lock
/// (a sequence lock: even = the version of the latest published commit, odd = a commit is publishing),
/// and the segment that is inevitable, if any.
/// </summary>
/// <remarks>
/// A writing commit therefore moves one shared cache line, once: compare-exchange the clock from its even
/// value <c>c</c> to <c>c + 1</c>, publish with version <c>c + 2</c>, store <c>c + 2</c>. Read-only
/// transactions never take the lock; a transaction starting while a commit publishes uses <c>c</c>, so the
/// publishing commit's objects look newer to it, as they must.
/// </remarks>
internal static class GlobalClock
{
    private static Line s_line;

    /// <summary>The version of the latest fully published commit (even).</summary>
    internal static long Now => Volatile.Read(ref s_line.Clock) & ~1L;

    /// <summary>The clock as stored: odd while a commit holds the lock.</summary>
    internal static long Raw => Volatile.Read(ref s_line.Clock);

    /// <summary>The index + 1 of the inevitable segment, or 0. Written only while holding the commit lock.</summary>
    internal static int InevitableSegment => Volatile.Read(ref s_line.Inevitable);

    /// <summary>Tries to take the commit lock; on success returns the current (even) version in <paramref name="version"/>.</summary>
    internal static bool TryLockCommit(out long version)
    {
        version = Volatile.Read(ref s_line.Clock);
        return (version & 1) == 0 && Interlocked.CompareExchange(ref s_line.Clock, version + 1, version) == version;
    }

    /// <summary>
    /// Tries to take the commit lock by swapping the clock from <paramref name="expected"/> (an even version the
    /// caller saw), without reading the line first; if the clock has moved on, tries once more from the value the
    /// failed swap found (the line is then in this core's cache). On success returns the version in
    /// <paramref name="version"/>.
    /// </summary>
    internal static bool TryLockCommitFrom(long expected, out long version)
    {
        long seen = Interlocked.CompareExchange(ref s_line.Clock, expected + 1, expected);
        if (seen == expected)
        {
            version = expected;
            return true;
        }

        version = seen;
        return (seen & 1) == 0 && Interlocked.CompareExchange(ref s_line.Clock, seen + 1, seen) == seen;
    }

    /// <summary>
    /// Takes the commit lock with a plain store, for the thread holding <see cref="SoloMode"/> (no other thread can
    /// race for it then).
    /// </summary>
    internal static bool TryLockCommitAlone(out long version)
    {
        version = Volatile.Read(ref s_line.Clock);
        if ((version & 1) != 0)
        {
            return false;
        }

        Volatile.Write(ref s_line.Clock, version + 1);
        return true;
    }

    /// <summary>Releases the commit lock without publishing anything.</summary>
    internal static void UnlockCommit(long version) => Volatile.Write(ref s_line.Clock, version);

    /// <summary>
    /// Releases the commit lock and publishes <paramref name="version"/>: a release store, no fence (retry waiters
    /// pair with it through a process-wide barrier on their side, see <see cref="RetryGate"/>).
    /// </summary>
    internal static void UnlockCommitPublishing(long version) => Volatile.Write(ref s_line.Clock, version);

    /// <summary>
    /// Sets or clears the inevitable segment; call only while holding the commit lock. A full fence: the
    /// registration and a lock-free counter adder's cell mark form a Dekker pair (see <see cref="CounterStripes"/>).
    /// </summary>
    internal static void SetInevitable(int segmentIndexPlusOne) => Interlocked.Exchange(ref s_line.Inevitable, segmentIndexPlusOne);

    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct Line
    {
        [FieldOffset(64)]
        public long Clock;

        [FieldOffset(72)]
        public int Inevitable;
    }
}
