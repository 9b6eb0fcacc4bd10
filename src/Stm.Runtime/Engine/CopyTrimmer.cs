using System;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// Drops the private copies that segments keep for reuse (in their write logs and copy pools) after full garbage
/// collections, so that a copy does not keep alive what it last copied.
/// </summary>
/// <remarks>
/// <para>A recycled copy still holds the values of the last object it copied: references to graphs the program may
/// long have dropped. Clearing them at every commit would cost every transaction; instead, after each full
/// collection (a finalizable sentinel that resurrects itself, the pattern the base library's array pools use), every
/// segment is asked to drop its copies. A segment nobody holds is trimmed here at once; a busy one is trimmed by its
/// holder when it next releases it (<see cref="SegmentPool.Release"/> tests the request: one load per transaction).
/// A segment still reserved by a thread that has run no transaction since the previous request is idle, and its
/// thread may never run another one: its reservation is revoked (the protocol of <see cref="SegmentReservation"/>)
/// and the segment trimmed here. So what a stale copy references becomes collectable within two full collections
/// after the program dropped it (or, on a segment busy then, when its running transaction ends).</para>
/// <para>Trimming costs the next writes a fresh clone each (~25 ns) and an idle thread its reservation, once per full
/// collection.</para>
/// </remarks>
internal static class CopyTrimmer
{
    private static int s_started;
    private static long s_trims;

    /// <summary>How many times <see cref="TrimAll"/> has run (for tests).</summary>
    internal static long Trims => Volatile.Read(ref s_trims);

    /// <summary>Starts trimming after full collections (idempotent; called when the segments are created).</summary>
    internal static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
        {
            _ = new Sentinel();
        }
    }

    /// <summary>Asks every segment to drop its copies, and drops those of the segments nobody is using.</summary>
    internal static void TrimAll()
    {
        Interlocked.Increment(ref s_trims);
        foreach (Segment segment in SegmentPool.All)
        {
            // Set before the claim: a segment that stays busy drops its copies at its next release.
            bool idleSinceLastRequest = Interlocked.Exchange(ref segment.CopyTrimRequested, 1) != 0;
            if (SegmentPool.TryClaimFree(segment) || (idleSinceLastRequest && SegmentPool.TrySteal(segment)))
            {
                segment.DropCopies();
                SegmentPool.ReleaseClaimed(segment);
            }
        }
    }

    /// <summary>Unreachable from birth: its finalizer runs after every collection of its generation (gen2 once promoted).</summary>
    private sealed class Sentinel
    {
        ~Sentinel()
        {
            TrimAll();
            GC.ReRegisterForFinalize(this);
        }
    }
}
