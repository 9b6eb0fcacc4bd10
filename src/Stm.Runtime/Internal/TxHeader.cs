using System.ComponentModel;
using Stm.Engine;

namespace Stm.Internal;

/// <summary>
/// The per-object STM header: a field of every root <c>[Transactional]</c> class, initialised with
/// <see cref="Create"/>. Its fields are owned by the runtime.
/// </summary>
/// <remarks>
/// <para>The committed values of a transactional object live in the object itself, as in c7. A writing
/// transaction works on a private copy (kept in its write log) that only it can see; at commit it copies the
/// values back into the object under a per-object sequence lock (<see cref="Version"/> is
/// <see cref="Locked"/> meanwhile), so readers that raced with the copy detect it and read again.</para>
/// <para>Two words, 16 bytes: every field the barriers do not need on their fast paths lives elsewhere (the copy
/// index and the last write's property share the lock word; read logs identify objects by reference). A tree
/// node of three fields is then 56 bytes instead of 80, and plain code walking a tree of 56-byte nodes runs at
/// 0.93x its speed with 40-byte nodes, against 0.70x with 80-byte ones.</para>
/// <para>Part of the generated-code surface: not meant to be used by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct TxHeader
{
    /// <summary>The value of <see cref="Version"/> while a commit copies new values into the object.</summary>
    internal const long Locked = long.MaxValue;

    /// <summary>
    /// Who may write the object, and what committed it last, in one word (<see cref="HeaderWord"/>): the write lock
    /// (negative: the owning transaction level and where it keeps its private copy), the fresh-stamp of the
    /// transaction level that allocated it, or the property of the last committed write (for conflict reports).
    /// </summary>
    internal long Word;

    /// <summary>The commit version of the values in the object (0 for the initial values), or <see cref="Locked"/>.</summary>
    internal long Version;

    private TxHeader(long word)
    {
        Word = word;
        Version = 0;
    }

    /// <summary>
    /// Creates the header of a newly allocated object. Inside a transaction the object is marked fresh:
    /// nobody else can see it until the transaction commits, so its accesses need no barrier work.
    /// </summary>
    /// <returns>The initial header.</returns>
    // Inlined into every constructor: as a call it was 4.6 % of trees2, which allocates 63 objects per transaction.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static TxHeader Create()
    {
        Segment? segment = Segment.Current;
        return new TxHeader(segment is null ? HeaderWord.NoSite : segment.FreshStamp);
    }
}
