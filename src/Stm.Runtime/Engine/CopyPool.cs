using System.Runtime.CompilerServices;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// A segment's spare private copies, recycled from its earlier transactions, so that a first write usually
/// refills a spare instead of allocating a clone.
/// </summary>
/// <remarks>
/// <para><c>MemberwiseClone</c> of a small object costs ~25 ns here (allocation, a GC-aware copy and, later, the
/// gen0 collections it causes); refilling a spare of the same runtime type through
/// <see cref="ITransactionalObject.StmPublish"/> costs ~3 ns plus an interface call. A private copy is only ever
/// touched through its transactional backing fields, which the refill overwrites, so the stale values of its
/// other fields (and of its header) are never read.</para>
/// <para>Copies come back when the attempt ends (committed and published, or rolled back): nothing refers to
/// them then. The pool is direct-mapped by runtime type, four spares per bucket, so a transaction that writes
/// several objects of one type finds several. Spares keep their last field values alive until reused: at most
/// <see cref="Capacity"/> objects per segment.</para>
/// </remarks>
internal sealed class CopyPool
{
    private const int Buckets = 64;
    private const int Ways = 4;

    /// <summary>The most spares a segment keeps.</summary>
    internal const int Capacity = Buckets * Ways;

    private readonly Spare[] _spares = new Spare[Capacity];

    /// <summary>A private copy of <paramref name="source"/>: a refilled spare, or a fresh clone.</summary>
    internal object CopyOf(ITransactionalObject source)
    {
        nint type = TypeHandleOf(source);
        int first = Bucket(type);
        for (int i = first; i < first + Ways; i++)
        {
            object? spare = _spares[i].Copy;
            if (spare is not null && TypeHandleOf(spare) == type)
            {
                _spares[i].Copy = null;
                ((ITransactionalObject)spare).StmPublish(source);
                return spare;
            }
        }

        // A clone of a finalizable object is registered for finalization like any new object: the user's finalizer
        // would then run on the runtime's copy (freeing a native handle twice, say). Copies are never finalized.
        object clone = source.StmClone();
        System.GC.SuppressFinalize(clone);
        return clone;
    }

    /// <summary>Takes back a copy that nothing refers to any more.</summary>
    internal void Return(object copy)
    {
        int first = Bucket(TypeHandleOf(copy));
        for (int i = first; i < first + Ways; i++)
        {
            if (_spares[i].Copy is null)
            {
                _spares[i].Copy = copy;
                return;
            }
        }

        _spares[first].Copy = copy; // bucket full: replace the oldest-placed spare
    }

    /// <summary>Drops every spare (see <see cref="CopyTrimmer"/>).</summary>
    internal void Clear() => System.Array.Clear(_spares);

    /// <summary>Whether two objects are of the same class (a copy of one can hold the values of the other).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool SameClass(object a, object b) => TypeHandleOf(a) == TypeHandleOf(b);

    /// <summary>The first slot of the bucket an object's spares go to (for tests).</summary>
    internal static int BucketOf(object obj) => Bucket(TypeHandleOf(obj));

    private static int Bucket(nint typeHandle) => ((int)((typeHandle >> 4) ^ (typeHandle >> 10)) & (Buckets - 1)) * Ways;

    /// <summary>
    /// The object's exact runtime type as the pointer in its first word (the method table), which identifies the
    /// type exactly as <see cref="object.GetType"/> does. Read directly: materialising the <see cref="System.Type"/>
    /// and hashing it cost ~3 % of a bank transfer. (The same reinterpretation CoreLib uses internally; valid for
    /// any heap object on CoreCLR and NativeAOT.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint TypeHandleOf(object obj) =>
        Unsafe.Add(ref Unsafe.As<byte, nint>(ref Unsafe.As<RawObject>(obj).FirstField), -1);

    /// <summary>A view of any object: its first field starts right after the method-table pointer.</summary>
    private sealed class RawObject
    {
        public byte FirstField;
    }

    private struct Spare
    {
        public object? Copy; // a struct wrapper: storing into the array needs no covariance check
    }
}
