using System;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// The per-segment cells of one <see cref="Collections.TCounter"/> into which transactions that only add to it
/// commit without the commit lock (a LongAdder whose cells are sequence locks). Each segment writes only its
/// own cell, so adders on different cores never share a cache line; a reader sums the cells.
/// </summary>
/// <remarks>
/// A cell is a sequence number (odd while its segment publishes an add) and the sum of that segment's adds.
/// The protocol that keeps these lock-free adds serializable is described on
/// <see cref="Segment.TryCommitAddsWithoutLock"/>.
/// </remarks>
internal sealed class CounterStripes
{
    // 16 longs = 128 bytes per cell: two cache lines, so neither a neighbour's writes nor the adjacent-line
    // prefetcher make two segments' cells share a line.
    private const int Stride = 16;

    private readonly long[] _cells;
    private int _used; // cells [0, _used) have ever been written

    // Cell i starts at (i + 1) * Stride: the first block stays empty, so the array header and this object's
    // fields (read by every adder) never share a line with a cell that one segment keeps writing.
    internal CounterStripes(int segments) => _cells = new long[(segments + 1) * Stride];

    /// <summary>Where a segment's cell starts: its sequence number, followed by the sum of its adds.</summary>
    private static int CellOf(int segment) => (segment + 1) * Stride;

    /// <summary>How many collections <see cref="TrySum"/> tries before it gives up (unless told to wait).</summary>
    private const int SumAttempts = 16;

    /// <summary>
    /// The sum of every cell at one instant: the cells are collected twice, and if no cell's sequence number moved
    /// in between (and no cell came into use), every cell held the value collected at the moment between the two
    /// passes. Summing cells read at different moments is not enough: one thread's consecutive adds can land in
    /// different cells (it may run on another segment each time), and a reader could then count its later add
    /// and miss its earlier one, a value never committed.
    /// </summary>
    /// <param name="sum">The sum, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="false"/> if an add was publishing or committed during the collection: try again.</returns>
    internal bool TrySumAtOnce(out long sum)
    {
        sum = 0;
        int used = Volatile.Read(ref _used);
        Span<long> sequences = used <= 64 ? stackalloc long[used] : new long[used];
        for (int i = 0; i < used; i++)
        {
            int at = CellOf(i);
            long before = Volatile.Read(ref _cells[at]);
            long value = Volatile.Read(ref _cells[at + 1]);
            if ((before & 1) != 0 || Volatile.Read(ref _cells[at]) != before)
            {
                return false;
            }

            sequences[i] = before;
            sum += value;
        }

        if (Volatile.Read(ref _used) != used)
        {
            return false; // a cell came into use: an add to it may have committed before we would have looked
        }

        for (int i = 0; i < used; i++)
        {
            if (Volatile.Read(ref _cells[CellOf(i)]) != sequences[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="TrySumAtOnce"/>, tried again while adds interrupt it: a bounded number of times, or, with
    /// <paramref name="wait"/>, until it succeeds. Only a caller that has stopped new lock-free adds may wait (an
    /// inevitable transaction: adders fall back to the commit lock while it runs, and those already publishing finish
    /// without waiting for anything); any other caller could be starved by a stream of adds, and treats a
    /// <see langword="false"/> as a conflict.
    /// </summary>
    /// <param name="wait">Whether to try until the collection succeeds.</param>
    /// <param name="sum">The sum, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="false"/> if every attempt was interrupted by an add.</returns>
    internal bool TrySum(bool wait, out long sum)
    {
        var spin = default(SpinWait);
        for (int attempt = 1; ; attempt++)
        {
            if (TrySumAtOnce(out sum))
            {
                return true;
            }

            if (!wait && attempt == SumAttempts)
            {
                return false;
            }

            spin.SpinOnce(sleep1Threshold: -1); // an adder never waits while its mark is set: this ends (may yield to it)
        }
    }

    /// <summary>
    /// Marks the segment's cell as publishing, with a full fence: any commit or inevitable registration that
    /// happens after this sees the mark, and this segment, reading the clock next, sees any that happened before.
    /// </summary>
    internal void BeginAdd(int segment)
    {
        if (segment >= Volatile.Read(ref _used))
        {
            RaiseUsed(segment + 1);
        }

        Interlocked.Increment(ref _cells[CellOf(segment)]);
    }

    /// <summary>Publishes the add and clears the mark (release: the new sum is visible first).</summary>
    internal void EndAdd(int segment, long delta)
    {
        int at = CellOf(segment);
        Volatile.Write(ref _cells[at + 1], _cells[at + 1] + delta);
        Volatile.Write(ref _cells[at], _cells[at] + 1);
    }

    /// <summary>Clears the mark without adding (the commit falls back to the commit lock).</summary>
    internal void CancelAdd(int segment)
    {
        int at = CellOf(segment);
        Volatile.Write(ref _cells[at], _cells[at] + 1);
    }

    private void RaiseUsed(int used)
    {
        int current;
        while ((current = Volatile.Read(ref _used)) < used && Interlocked.CompareExchange(ref _used, used, current) != current)
        {
        }
    }
}
