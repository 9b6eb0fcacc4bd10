using System.Runtime.CompilerServices;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// Solo mode: while one thread is the only one running transactions, it takes write locks (object ownership) and
/// the commit lock with plain loads and stores instead of locked instructions. Any other thread that starts a
/// transaction revokes the mode first.
/// </summary>
/// <remarks>
/// <para>A locked instruction costs more than its own cycles: later loads wait for it, so the cache misses of a
/// transaction cannot overlap with it. A transfer between two accounts pays three (two write locks and the commit
/// lock); with none, one thread ran it 14 % faster. Those instructions only matter when another thread can race
/// for the same lock, so the mode drops them while no other thread can.</para>
/// <para>The holder is a <see cref="SegmentReservation"/>: a thread's claim on its segment, never reused, so a
/// segment that changes hands cannot inherit the mode. The holder takes a lock inside a critical section that it
/// announces with a plain store (<see cref="SegmentReservation.InCritical"/>) before checking that it still holds
/// the mode. A revoker marks the mode <see cref="s_revoking"/>, flushes every core's store buffer
/// (<see cref="Interlocked.MemoryBarrierProcessWide"/>), then waits for the critical section to end: either it
/// sees the holder inside (and waits), or the holder sees the revocation (and uses the locked instructions). The
/// holder's critical sections are a few instructions that never block, so the wait is short; the holder's
/// transaction itself runs on (its locks taken so far are ordinary locks to everyone else). This is the
/// asymmetric handshake <see cref="SegmentReservation"/> already uses.</para>
/// <para>A thread tries for the mode at most every <see cref="TryIntervalMilliseconds"/> (and not for
/// <see cref="AfterRevocationMilliseconds"/> after a revocation), at the start of a transaction on its reserved
/// segment: it claims the mode, flushes the store buffers, and gives the mode back at once if any other segment is
/// in use by a running transaction. A thread starting a transaction marks itself active before it looks at the
/// mode, so one of the two always sees the other.</para>
/// </remarks>
internal static class SoloMode
{
    /// <summary>How often a thread may try for the mode (settable for tests).</summary>
    internal static long TryIntervalMilliseconds = 10;

    /// <summary>How long nobody tries for the mode after a revocation (settable for tests): threads taking turns would
    /// otherwise pay two process-wide barriers per turn.</summary>
    internal static long AfterRevocationMilliseconds = 100;

    /// <summary>The holder while a revocation waits for its critical section to end.</summary>
    private static readonly SegmentReservation s_revoking = new(null!);

    private static SegmentReservation? s_holder;
    private static long s_nextTry;
    private static long s_revocations;

    /// <summary>The reservation holding the mode, or <see langword="null"/> (for tests).</summary>
    internal static SegmentReservation? Holder => Volatile.Read(ref s_holder);

    /// <summary>How many times the mode has been revoked (for tests and diagnostics).</summary>
    internal static long Revocations => Volatile.Read(ref s_revocations);

    /// <summary>
    /// Called when a thread has bound <paramref name="segment"/> for a transaction (after marking itself active):
    /// revokes another thread's mode, or occasionally tries for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void OnEnter(Segment segment)
    {
        SegmentReservation? holder = Volatile.Read(ref s_holder);
        if (holder is null)
        {
            if (Volatile.Read(ref s_nextTry) <= CoarseClock.Now)
            {
                TryTake(segment);
            }
        }
        else if (holder != Volatile.Read(ref segment.ReservedBy))
        {
            Revoke(holder);
        }
    }

    /// <summary>
    /// Takes a free write lock without a locked instruction if <paramref name="mine"/> holds the mode: stores
    /// <paramref name="owned"/> into the header word if it still holds <paramref name="expected"/>.
    /// </summary>
    /// <returns><see langword="false"/> if the caller must use a compare-and-swap (not solo, or the word changed).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryOwn(SegmentReservation? mine, ref long word, long expected, long owned)
    {
        if (!EnterCritical(mine))
        {
            return false;
        }

        bool taken = Volatile.Read(ref word) == expected;
        if (taken)
        {
            word = owned;
        }

        ExitCritical(mine!);
        return taken;
    }

    /// <summary>Takes the commit lock without a locked instruction if <paramref name="mine"/> holds the mode.</summary>
    /// <returns><see langword="false"/> if the caller must use a compare-and-swap (not solo, or the lock is taken).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryLockCommit(SegmentReservation? mine, out long version)
    {
        version = 0;
        if (!EnterCritical(mine))
        {
            return false;
        }

        bool taken = GlobalClock.TryLockCommitAlone(out version);
        ExitCritical(mine!);
        return taken;
    }

    /// <summary>
    /// Enters a critical section in which the holder may take a lock with plain stores: announces it, then checks that
    /// <paramref name="mine"/> still holds the mode (a revoker flushes store buffers between its mark and its wait).
    /// </summary>
    /// <returns><see langword="true"/> inside the section (leave it with <see cref="ExitCritical"/>); <see langword="false"/> if not solo.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EnterCritical(SegmentReservation? mine)
    {
        if (mine is null || Volatile.Read(ref s_holder) != mine)
        {
            return false; // the common case when not solo: no store at all
        }

        Volatile.Write(ref mine.InCritical, 1);
        if (Volatile.Read(ref s_holder) == mine)
        {
            return true;
        }

        Volatile.Write(ref mine.InCritical, 0);
        return false;
    }

    /// <summary>Leaves the critical section (a release store: a revoker that sees 0 also sees the lock taken).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ExitCritical(SegmentReservation mine) => Volatile.Write(ref mine.InCritical, 0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TryTake(Segment segment)
    {
        Volatile.Write(ref s_nextTry, CoarseClock.Now + TryIntervalMilliseconds);
        SegmentReservation? mine = Volatile.Read(ref segment.ReservedBy);
        if (mine is null || Interlocked.CompareExchange(ref s_holder, mine, null) is not null)
        {
            return;
        }

        // Every other thread's "active" store is now visible to us, or our claim is visible to its check.
        Interlocked.MemoryBarrierProcessWide();
        if (AnyOtherRunning(segment))
        {
            Interlocked.CompareExchange(ref s_holder, null, mine); // we are in no critical section: just give it back
        }
    }

    /// <summary>Whether any segment but <paramref name="mine"/> may be running a transaction.</summary>
    private static bool AnyOtherRunning(Segment mine)
    {
        foreach (Segment segment in SegmentPool.All)
        {
            if (segment == mine || Volatile.Read(ref segment.InUse) == 0)
            {
                continue;
            }

            // In use and reserved by an idle thread is fine: that thread marks itself active before it checks the mode.
            SegmentReservation? reservation = Volatile.Read(ref segment.ReservedBy);
            if (reservation is null || Volatile.Read(ref reservation.Active) != 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Revoke(SegmentReservation holder)
    {
        var spin = default(SpinWait);
        while (true)
        {
            if (holder == s_revoking)
            {
                // Another thread revokes: the mode is over once it has waited out the holder's critical section.
                spin.SpinOnce(sleep1Threshold: -1);
                SegmentReservation? current = Volatile.Read(ref s_holder);
                if (current is null)
                {
                    return;
                }

                holder = current;
                continue;
            }

            SegmentReservation? seen = Interlocked.CompareExchange(ref s_holder, s_revoking, holder);
            if (seen == holder)
            {
                break;
            }

            if (seen is null)
            {
                return; // the holder gave the mode back itself
            }

            holder = seen;
        }

        // The holder's "in a critical section" store is now visible to us, or our revocation is visible to its check.
        Interlocked.MemoryBarrierProcessWide();
        while (Volatile.Read(ref holder.InCritical) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        Interlocked.Increment(ref s_revocations);
        Volatile.Write(ref s_nextTry, CoarseClock.Now + AfterRevocationMilliseconds);
        Volatile.Write(ref s_holder, null);
    }
}
