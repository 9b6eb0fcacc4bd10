using System.ComponentModel;
using Stm.Engine;

namespace Stm.Internal;

/// <summary>
/// The per-object STM header: a field of every root <c>[Transactional]</c> class, initialised with
/// <see cref="Create"/>. Its fields are owned by the runtime.
/// </summary>
/// <remarks>
/// <para>The committed values of a transactional object live in its <em>state</em>: at first the object
/// itself, later an immutable copy published by a commit. A writing transaction works on a private copy
/// (<see cref="Copy"/>) that only it can see, and publishes it at commit by swapping <see cref="State"/>.</para>
/// <para>Part of the generated-code surface: not meant to be used by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct TxHeader
{
    /// <summary>The committed state object, or <see langword="null"/> while the object itself holds it.</summary>
    internal object? State;

    /// <summary>The owning transaction level (write lock), or <see langword="null"/>.</summary>
    internal OwnerToken? Owner;

    /// <summary>The owner's private copy of the state; meaningful only to the owner.</summary>
    internal object? Copy;

    /// <summary>The commit version of <see cref="State"/> (0 for the initial state).</summary>
    internal long Version;

    /// <summary>The fresh-stamp of the transaction level that allocated the object, or 0.</summary>
    internal long Fresh;

    /// <summary>A hash identity for the read-log cache, assigned on first recorded read (0 = none yet).</summary>
    internal int Id;

    /// <summary>The <see cref="TransactionalProperty.Index"/> of the last committed write, for conflict reports.</summary>
    internal int WriteSite;

    /// <summary>
    /// Creates the header of a newly allocated object. Inside a transaction the object is marked fresh:
    /// nobody else can see it until the transaction commits, so its accesses need no barrier work.
    /// </summary>
    /// <returns>The initial header.</returns>
    public static TxHeader Create()
    {
        Segment? segment = Segment.Current;
        return new TxHeader { Fresh = segment is null ? 0 : segment.FreshStamp };
    }
}
