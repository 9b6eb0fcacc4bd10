using System.ComponentModel;

namespace Stm.Internal;

/// <summary>
/// The calling thread's running transaction (<see cref="Barrier.CurrentTransaction"/>), as generated accessors
/// hand it from their inlined part to the barrier they call out of line, so that one property access looks the
/// transaction up once. Opaque: it has no members of its own.
/// </summary>
/// <remarks>
/// <para>The runtime's transaction slot (its segment) is the only subclass, so the barriers use the reference
/// without a cast check. A value is meaningful only during the accessor call that obtained it: it must not be
/// stored, or used on another thread.</para>
/// <para>Part of the generated-code surface: not meant to be used by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TransactionContext
{
    /// <summary>Only the runtime derives from this class.</summary>
    private protected TransactionContext()
    {
    }
}
