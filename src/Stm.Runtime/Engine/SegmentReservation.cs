using System.Threading;

namespace Stm.Engine;

/// <summary>
/// A thread's claim on the segment it used last, kept between its transactions so that starting one needs no
/// atomic instruction: the owner marks itself <see cref="Active"/> with a plain store and checks that the
/// segment still names this reservation. A thread that finds no free segment may revoke an idle reservation;
/// it then flushes every core's store buffer (<see cref="Interlocked.MemoryBarrierProcessWide"/>) before
/// reading <see cref="Active"/>, which makes the pair of plain accesses on the owner's side safe (an
/// asymmetric Dekker handshake: either the thief sees the owner active, or the owner sees the revocation).
/// </summary>
/// <remarks>
/// One object per reservation, never reused, so a revoked reservation can never be mistaken for a newer one.
/// </remarks>
internal sealed class SegmentReservation(Segment segment)
{
    /// <summary>The thief has not decided yet.</summary>
    internal const int Undecided = 0;

    /// <summary>The thief found the owner idle and took the segment.</summary>
    internal const int Stolen = 1;

    /// <summary>The thief found the owner active: the owner gives the segment back to the pool when it notices.</summary>
    internal const int LeftToOwner = 2;

    /// <summary>The reserved segment.</summary>
    internal readonly Segment Segment = segment;

    /// <summary>1 while the owning thread runs a transaction on the segment (or is about to); written only by it.</summary>
    internal int Active;

    /// <summary>1 while the owning thread, holding <see cref="SoloMode"/>, takes a lock without a locked instruction.</summary>
    internal int InCritical;

    /// <summary>What the thief that revoked this reservation decided; written once, only by that thief.</summary>
    internal int Verdict;

    /// <summary>Waits for the thief's decision about a revoked reservation.</summary>
    internal int AwaitVerdict()
    {
        var spin = default(SpinWait);
        int verdict;
        while ((verdict = Volatile.Read(ref Verdict)) == Undecided)
        {
            spin.SpinOnce(sleep1Threshold: -1); // the thief is between its revocation and its process-wide barrier
        }

        return verdict;
    }
}
