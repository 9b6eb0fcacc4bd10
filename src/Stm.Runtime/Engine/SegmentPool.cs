using System;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// The bounded pool of segments (<see cref="StmOptions.SegmentCount"/>, by default twice the core count).
/// A thread keeps the segment it used last reserved between its transactions (<see cref="SegmentReservation"/>),
/// so starting a transaction costs no atomic instruction and its logs stay warm in its core's cache. When a
/// thread finds no free segment, reservations stop for a while (their owners give their segments back at
/// their next release) and idle ones are revoked; when every segment is busy, further threads wait, as in c7.
/// </summary>
internal static class SegmentPool
{
    private static Segment[]? s_segments;
    private static readonly object s_gate = new();

    /// <summary>How long after a thread found no free segment no new reservations are made (tests shorten it).</summary>
    internal static int PressureMilliseconds = 1000;

    /// <summary><see cref="Environment.TickCount64"/> (odd) when a thread last found no free segment; 0 when none did lately.</summary>
    private static long s_pressureSince;

    [ThreadStatic]
    private static int t_preferred;

    [ThreadStatic]
    private static SegmentReservation? t_reservation;

    internal static Segment[] All => s_segments ?? Initialize();

    internal static bool IsInitialized => Volatile.Read(ref s_segments) is not null;

    internal static Segment Acquire()
    {
        SegmentReservation? reservation = t_reservation;
        if (reservation is not null)
        {
            Segment reserved = reservation.Segment;
            Volatile.Write(ref reservation.Active, 1);
            if (Volatile.Read(ref reserved.ReservedBy) == reservation)
            {
                return reserved; // no atomic instruction: see SegmentReservation
            }

            Volatile.Write(ref reservation.Active, 0);
            GiveUpRevoked(reservation);
        }

        Segment[] segments = All;
        Segment preferred = segments[t_preferred];
        if (TryClaimFree(preferred))
        {
            return preferred;
        }

        return AcquireSlow(segments);
    }

    private static Segment AcquireSlow(Segment[] segments)
    {
        var spin = default(SpinWait);
        int start = (Environment.CurrentManagedThreadId * 7) % segments.Length;
        while (true)
        {
            for (int i = 0; i < segments.Length; i++)
            {
                int index = (start + i) % segments.Length;
                Segment segment = segments[index];
                if (TryClaimFree(segment))
                {
                    t_preferred = index;
                    return segment;
                }
            }

            // No free segment: stop handing out reservations for a while, and take an idle one.
            Volatile.Write(ref s_pressureSince, Environment.TickCount64 | 1);
            for (int i = 0; i < segments.Length; i++)
            {
                int index = (start + i) % segments.Length;
                if (TrySteal(segments[index]))
                {
                    t_preferred = index;
                    return segments[index];
                }
            }

            spin.SpinOnce(sleep1Threshold: 50);
        }
    }

    /// <summary>Claims a segment that no thread holds or reserves (a plain read first: no locked instruction on a taken one).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool TryClaimFree(Segment segment) =>
        Volatile.Read(ref segment.InUse) == 0 && Interlocked.CompareExchange(ref segment.InUse, 1, 0) == 0;

    /// <summary>Frees a segment claimed with <see cref="TryClaimFree"/> or <see cref="TrySteal"/>.</summary>
    internal static void ReleaseClaimed(Segment segment) => Volatile.Write(ref segment.InUse, 0);

    /// <summary>Revokes the segment's reservation if its owner is idle; true if the segment is now ours.</summary>
    internal static bool TrySteal(Segment segment)
    {
        SegmentReservation? reservation = Volatile.Read(ref segment.ReservedBy);
        return reservation is not null && Volatile.Read(ref reservation.Active) == 0 &&
            TryRevoke(segment, reservation) && TakeIfIdle(reservation);
    }

    /// <summary>Takes the reservation away from its owner (one thief wins); its owner stops using the segment
    /// once it sees that, unless it is already running in it.</summary>
    internal static bool TryRevoke(Segment segment, SegmentReservation reservation) =>
        Interlocked.CompareExchange(ref segment.ReservedBy, null, reservation) == reservation;

    /// <summary>
    /// After a revocation: true (the segment is ours) if the owner is idle, false if it is running in the segment
    /// or entering it (it then gives the segment back to the pool when it notices). The owner may have checked the
    /// reservation just before the revocation, so its "active" mark must be read after its store is surely visible.
    /// </summary>
    internal static bool TakeIfIdle(SegmentReservation reservation)
    {
        // Makes the owner's plain "active" store visible to us, or our revocation visible to its check.
        Interlocked.MemoryBarrierProcessWide();
        bool idle = Volatile.Read(ref reservation.Active) == 0;
        Volatile.Write(ref reservation.Verdict, idle ? SegmentReservation.Stolen : SegmentReservation.LeftToOwner);
        return idle; // (the segment stays InUse either way: now ours, or the owner's until it gives it back)
    }

    /// <summary>Frees every segment reserved by an idle thread (tests start from a known pool with it).</summary>
    internal static void RevokeIdleReservations()
    {
        foreach (Segment segment in All)
        {
            if (TrySteal(segment))
            {
                ReleaseClaimed(segment);
            }
        }
    }

    /// <summary>The owner found its reservation revoked: forget it, and free the segment if the thief left it.</summary>
    private static void GiveUpRevoked(SegmentReservation reservation)
    {
        t_reservation = null;
        if (reservation.AwaitVerdict() == SegmentReservation.LeftToOwner)
        {
            Volatile.Write(ref reservation.Segment.InUse, 0);
        }
    }

    internal static void Release(Segment segment)
    {
        if (Volatile.Read(ref segment.CopyTrimRequested) != 0)
        {
            segment.DropCopies(); // a full collection ran since this segment last dropped its copies (see CopyTrimmer)
        }

        // Only the thread holding a segment ever reserves it, and a free or stolen segment has no reservation:
        // one found here is this thread's own (no thread-static lookup on this path).
        SegmentReservation? reservation = Volatile.Read(ref segment.ReservedBy);
        if (reservation is not null)
        {
            if (Volatile.Read(ref s_pressureSince) == 0 || !UnderPressure())
            {
                Volatile.Write(ref reservation.Active, 0); // keep it (a release store: the attempt's stores come first)
                return;
            }

            if (TryRevoke(segment, reservation))
            {
                // Other threads wait for segments: give this one back (no thief can hold the reservation now).
                t_reservation = null;
                Volatile.Write(ref reservation.Active, 0);
                Volatile.Write(ref segment.InUse, 0);
                return;
            }
        }

        ReleaseUnreserved(segment);
    }

    private static void ReleaseUnreserved(Segment segment)
    {
        SegmentReservation? mine = t_reservation;
        if (mine is not null && mine.Segment == segment)
        {
            // Revoked while we ran: the thief saw us active (or decides so now), so the segment is ours to free.
            GiveUpRevoked(mine);
            return;
        }

        if (mine is null && !UnderPressure())
        {
            // Keep the segment for this thread's next transaction (it stays InUse).
            var reservation = new SegmentReservation(segment);
            Volatile.Write(ref segment.ReservedBy, reservation);
            t_reservation = reservation;
            return;
        }

        Volatile.Write(ref segment.InUse, 0);
    }

    /// <summary>True while threads recently found no free segment, so no new reservations are made.</summary>
    internal static bool ReservationsPaused => UnderPressure();

    private static bool UnderPressure()
    {
        long since = Volatile.Read(ref s_pressureSince);
        if (since == 0)
        {
            return false;
        }

        if (Environment.TickCount64 - since < PressureMilliseconds)
        {
            return true;
        }

        Interlocked.CompareExchange(ref s_pressureSince, 0, since);
        return false;
    }

    private static Segment[] Initialize()
    {
        lock (s_gate)
        {
            if (s_segments is null)
            {
                int count = StmOptions.FreezeSegmentCount();
                var segments = new Segment[count];
                for (int i = 0; i < count; i++)
                {
                    segments[i] = new Segment(i);
                }

                Volatile.Write(ref s_segments, segments);
                StmMetrics.EnsureCreated();
                CopyTrimmer.Start();
            }

            return s_segments;
        }
    }
}
