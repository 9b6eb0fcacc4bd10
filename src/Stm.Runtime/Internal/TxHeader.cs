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
/// <para>Part of the generated-code surface: not meant to be used by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct TxHeader
{
    /// <summary>The value of <see cref="Version"/> while a commit copies new values into the object.</summary>
    internal const long Locked = long.MaxValue;

    /// <summary>The write lock: an <see cref="OwnerWord"/> naming the owning transaction level, or 0.</summary>
    internal long Owner;

    /// <summary>The commit version of the values in the object (0 for the initial values), or <see cref="Locked"/>.</summary>
    internal long Version;

    /// <summary>The fresh-stamp of the transaction level that allocated the object, or 0.</summary>
    internal long Fresh;

    /// <summary>
    /// The object's identity in read-log caches, assigned the first time a read log needs it (0 = none yet). 64 bits, so
    /// ids never repeat: a cache may then hold ids instead of references (see <see cref="ReadLog"/>).
    /// </summary>
    internal long Id;

    /// <summary>
    /// Where the owner keeps its private copy: an index into its write log (meaningful only to the owner).
    /// An index rather than a reference, so that writing it never marks a GC card on an old object.
    /// </summary>
    internal int CopyIndex;

    /// <summary>The <see cref="TransactionalProperty.Index"/> of the last committed write, for conflict reports.</summary>
    internal int WriteSite;

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
        return new TxHeader { Fresh = segment is null ? 0 : segment.FreshStamp };
    }
}
