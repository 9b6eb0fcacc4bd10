namespace Stm.Engine;

/// <summary>
/// The value a transaction stores in <see cref="Internal.TxHeader.Owner"/> when it takes an object's write
/// lock: the owning segment and the nesting depth of the level that made the current private copy, packed
/// in one <see langword="long"/> (0 = unowned).
/// </summary>
/// <remarks>
/// An integer, not a reference: a compare-exchange of a reference field marks a GC card on the (usually
/// old) object, and gen0 collections then rescan those cards across the whole heap.
/// </remarks>
internal static class OwnerWord
{
    internal const long None = 0;

    internal static long Make(int segmentIndex, int depth) => ((long)depth << 32) | (uint)(segmentIndex + 1);

    /// <summary>Whether <paramref name="word"/> names a level of the segment with index <paramref name="segmentIndex"/>.</summary>
    internal static bool BelongsTo(long word, int segmentIndex) => (uint)word == (uint)(segmentIndex + 1);

    /// <summary>The owning segment's index (valid only for a word that is not <see cref="None"/>).</summary>
    internal static int SegmentIndex(long word) => (int)(uint)word - 1;
}
