using System.ComponentModel;

namespace Stm.Internal;

/// <summary>
/// Implemented by the generated code of every root <c>[Transactional]</c> class (one whose base class is
/// not transactional). The runtime reaches an object's STM header through it when it validates the read
/// log and publishes the write log at commit; barriers get the header passed directly and never call it.
/// </summary>
/// <remarks>Part of the generated-code surface: not meant to be implemented or called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITransactionalObject
{
    /// <summary>The object's STM header (one per object, declared in the root transactional class).</summary>
    ref TxHeader StmHeader { get; }

    /// <summary>
    /// Returns a shallow copy of this object (<see cref="object.MemberwiseClone"/>). The runtime calls it on
    /// the current committed state to make a transaction's private copy on the first write.
    /// </summary>
    /// <returns>A new object of the same runtime type with the same field values.</returns>
    object StmClone();

    /// <summary>
    /// Copies the transactional backing fields of <paramref name="copy"/> (another object of the same runtime type)
    /// into this object. Commit calls it on the object, with a private copy, while it holds the object's sequence
    /// lock; the runtime also calls it on a recycled private copy to refill it from the object.
    /// </summary>
    /// <param name="copy">The committing transaction's private copy of this object.</param>
    void StmPublish(object copy);
}
