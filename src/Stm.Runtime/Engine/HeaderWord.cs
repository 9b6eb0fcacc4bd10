namespace Stm.Engine;

/// <summary>
/// The encoding of <see cref="Internal.TxHeader.Word"/>: one <see langword="long"/> holding the object's write lock
/// and, while nobody holds it, either the fresh-stamp of the level that allocated the object or the property of the
/// last committed write.
/// </summary>
/// <remarks>
/// <para>Three states, told apart by the top two bits:</para>
/// <list type="bullet">
/// <item><b>owned</b> (negative): bits 48–62 the owning level's nesting depth, bits 32–47 its segment's index + 1
/// (together the level's <see cref="Owner"/> token), bits 0–31 where that level keeps its private copy (an index into
/// its write log);</item>
/// <item><b>fresh</b> (bit 62 set): a <see cref="Segment.FreshStamp"/>; stamps never repeat, so once the allocating
/// level has ended the stamp matches nobody's and the object is simply free;</item>
/// <item><b>free</b> (otherwise): the <see cref="Internal.TransactionalProperty.Index"/> of the last committed write
/// (0 = unknown), which read-write conflicts are attributed to.</item>
/// </list>
/// <para>Packing the copy index into the lock word lets the owner's write barrier find its copy with the same load
/// that checks ownership, and lets a nested level take over an object with one store. An integer, not a reference: a
/// compare-exchange of a reference field marks a GC card on the (usually old) object, and gen0 collections then
/// rescan those cards across the whole heap.</para>
/// </remarks>
internal static class HeaderWord
{
    /// <summary>A free word that records no committed write (a new object outside any transaction).</summary>
    internal const long NoSite = 0;

    /// <summary>The bit that marks a fresh-stamp (on a word that is not owned).</summary>
    internal const long FreshTag = 1L << 62;

    /// <summary>The deepest nesting level an owner token can name.</summary>
    internal const int MaxDepth = (1 << 15) - 1;

    /// <summary>The bits of an owned word that name the owning level (the rest is its copy index).</summary>
    private const long OwnerMask = unchecked((long)0xFFFF_FFFF_0000_0000UL);

    /// <summary>The token of a transaction level: the owned word's top half, with copy index 0.</summary>
    internal static long Owner(int segmentIndex, int depth) =>
        long.MinValue | ((long)depth << 48) | ((long)(segmentIndex + 1) << 32);

    /// <summary>The word of an object owned by the level <paramref name="owner"/>, its copy in write-log entry <paramref name="copyIndex"/>.</summary>
    internal static long Owned(long owner, int copyIndex) => owner | (uint)copyIndex;

    /// <summary>Whether some transaction level holds the object's write lock.</summary>
    internal static bool IsOwned(long word) => word < 0;

    /// <summary>The token of the level owning the object (for an owned word; for any other, a value no token has).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static long OwnerOf(long word) => word & OwnerMask;

    /// <summary>Where the owning level keeps its private copy (for an owned word).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int CopyIndex(long word) => (int)word;

    /// <summary>Whether <paramref name="word"/> is owned by a level of the segment with index <paramref name="segmentIndex"/>.</summary>
    internal static bool BelongsTo(long word, int segmentIndex) => word < 0 && SegmentIndex(word) == segmentIndex;

    /// <summary>The owning segment's index (for an owned word).</summary>
    internal static int SegmentIndex(long word) => (int)((word >> 32) & 0xFFFF) - 1;

    /// <summary>The property of the last committed write recorded in a free word, or 0 (unknown) for any other word.</summary>
    internal static int Site(long word) => word >= 0 && (word & FreshTag) == 0 ? (int)word : 0;
}
