using System.Runtime.InteropServices;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// The process-wide commit state: the version clock and the commit lock, each on its own cache line.
/// </summary>
/// <remarks>
/// The clock is the version of the latest published commit; a transaction reads it once at start as its
/// read version. The commit lock is held only for the short publication of a write set (or for the whole
/// rest of an inevitable transaction); transactions themselves run in parallel without it.
/// </remarks>
internal static class GlobalClock
{
    private static PaddedLong s_clock;
    private static PaddedInt s_commitLock;

    /// <summary>The version of the latest published commit.</summary>
    internal static long Now => Volatile.Read(ref s_clock.Value);

    /// <summary>The segment currently inevitable, or <see langword="null"/>.</summary>
    internal static Segment? InevitableSegment;

    /// <summary>Publishes <paramref name="version"/> with a full fence (so retry waiters cannot be missed).</summary>
    internal static void Advance(long version) => Interlocked.Exchange(ref s_clock.Value, version);

    internal static bool TryLockCommit() =>
        Volatile.Read(ref s_commitLock.Value) == 0 && Interlocked.CompareExchange(ref s_commitLock.Value, 1, 0) == 0;

    internal static void UnlockCommit() => Volatile.Write(ref s_commitLock.Value, 0);

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedLong
    {
        [FieldOffset(64)]
        public long Value;
    }

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedInt
    {
        [FieldOffset(64)]
        public int Value;
    }
}
