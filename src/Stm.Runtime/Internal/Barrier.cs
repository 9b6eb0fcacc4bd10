using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Stm.Engine;

namespace Stm.Internal;

/// <summary>
/// The read and write barriers that generated property accessors call. A barrier returns the object whose
/// backing field the accessor reads or writes: the object itself (which holds the committed values) or the
/// calling transaction's private copy.
/// </summary>
/// <remarks>
/// <para>A generated accessor first asks <see cref="IsFresh"/> whether the object was allocated by the running
/// transaction level (then it uses the backing field directly); otherwise it passes the running transaction
/// (<see cref="CurrentTransaction"/>) to its out-of-line read loop or write path, so an access looks up the
/// thread's transaction once. A getter reads in a loop:
/// <see cref="OpenRead{T}(TransactionContext?, ref TxHeader, T, TransactionalProperty, out long)"/> returns the
/// source object and a version snapshot, the getter reads its backing field, and <see cref="ReadIsValid"/>
/// confirms that no commit copied new values into the object meanwhile (a per-object sequence lock); otherwise
/// it reads again.</para>
/// <para>The overloads without a <see cref="TransactionContext"/> look the transaction up themselves, for
/// hand-written transactional classes.</para>
/// <para>Part of the generated-code surface: stable, but not meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Barrier
{
    /// <summary>Whether the calling thread is inside an atomic block.</summary>
    public static bool InTransaction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Segment.Current is not null;
    }

    /// <summary>
    /// Whether the object was allocated by the current transaction level: nobody else can see it, so a setter
    /// may store into its backing field directly (no silent-write check, no ownership, no copy).
    /// </summary>
    /// <param name="header">The object's header field.</param>
    /// <returns><see langword="true"/> inside a transaction, for an object that transaction level allocated.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFresh(ref TxHeader header)
    {
        Segment? segment = Segment.Current;
        return segment is not null && header.Word == segment.FreshStamp;
    }

    /// <summary>
    /// The calling thread's running transaction, for the barrier overloads that take it: a generated accessor
    /// passes it from its inlined part to its out-of-line read loop or write path, so that an access looks the
    /// transaction up once. (Read right after <see cref="IsFresh"/>, the JIT merges the two lookups, and hoists
    /// them out of loops.)
    /// </summary>
    public static TransactionContext? CurrentTransaction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Segment.Current;
    }

    /// <summary>
    /// Read barrier. Inside a transaction it records the read (once per object) and guarantees that the
    /// object's values are consistent with everything read before; outside, it targets the latest commit.
    /// </summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <param name="header">The object's header field.</param>
    /// <param name="self">The object (<see langword="this"/>).</param>
    /// <param name="property">The property being read, for conflict attribution.</param>
    /// <param name="version">The snapshot to pass to <see cref="ReadIsValid"/> after reading the field.</param>
    /// <returns>The object whose backing field holds the value to read.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OpenRead<T>(ref TxHeader header, T self, TransactionalProperty property, out long version)
        where T : class, ITransactionalObject
    {
        Segment? segment = Segment.Current;
        if (segment is not null && header.Word == segment.FreshStamp)
        {
            version = header.Version; // allocated by this transaction level: nobody else can see it, or publish it
            return self;
        }

        return OpenRead(segment, ref header, self, property, out version);
    }

    /// <summary>
    /// Read barrier for a caller that has looked up the running transaction (<see cref="CurrentTransaction"/>)
    /// and found the object not fresh (<see cref="IsFresh"/>). An object the transaction level did allocate is
    /// still read correctly here, only recorded needlessly.
    /// </summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <param name="transaction">The calling thread's running transaction, or <see langword="null"/> outside any atomic block.</param>
    /// <param name="header">The object's header field.</param>
    /// <param name="self">The object (<see langword="this"/>).</param>
    /// <param name="property">The property being read, for conflict attribution.</param>
    /// <param name="version">The snapshot to pass to <see cref="ReadIsValid"/> after reading the field.</param>
    /// <returns>The object whose backing field holds the value to read.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OpenRead<T>(TransactionContext? transaction, ref TxHeader header, T self, TransactionalProperty property, out long version)
        where T : class, ITransactionalObject
    {
        if (transaction is null)
        {
            // Outside any transaction: read the committed values, validated afterwards like a seqlock.
            long committed = Volatile.Read(ref header.Version);
            version = committed != TxHeader.Locked ? committed : Segment.WaitUntilPublished(ref header);
            return self;
        }

        Segment segment = Unsafe.As<Segment>(transaction); // the only subclass
        long current = Volatile.Read(ref header.Version);
        if (current <= segment.UnloggedReadLimit)
        {
            // Neither logged nor possibly ours (see Segment.UnloggedReadLimit): a long read-only walk's every read.
            version = current;
            return self;
        }

        if (!HeaderWord.IsOwned(header.Word))
        {
            if (current <= segment.ReadVersion)
            {
                if (segment.LogsReads && !segment.Reads.Contains(self))
                {
                    segment.RecordRead(self); // first read of this object in this attempt
                }

                version = current;
                return self;
            }
        }

        // Through a local: passing the caller's out parameter on would make the JIT keep it in memory on the fast path too.
        object source = segment.OpenReadSlow(ref header, self, property, out long slowVersion);
        version = slowVersion;
        return Unsafe.As<T>(source);
    }

    /// <summary>
    /// Completes a read begun with <c>OpenRead</c>: whether the field value read since is valid, i.e.
    /// no commit has copied new values into the object in between. If not, the caller reads again.
    /// </summary>
    /// <param name="header">The object's header field.</param>
    /// <param name="version">The snapshot <c>OpenRead</c> returned.</param>
    /// <returns><see langword="true"/> if the value read may be used.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ReadIsValid(ref TxHeader header, long version)
    {
        // No special case for a private copy or a fresh object: their versions cannot change under the caller (a copy's
        // object is locked by the caller's transaction, which alone may publish it; a fresh one is unpublished).
        Volatile.ReadBarrier(); // the field load must complete before the version is re-read
        return Volatile.Read(ref header.Version) == version;
    }

    /// <summary>
    /// Write barrier, inside a transaction only. Returns the calling transaction's private copy, taking
    /// ownership of the object on the first write (where write-write conflicts are detected).
    /// </summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <param name="header">The object's header field.</param>
    /// <param name="self">The object (<see langword="this"/>).</param>
    /// <param name="property">The property being written, for conflict attribution.</param>
    /// <returns>The object whose backing fields the caller writes.</returns>
    /// <exception cref="InvalidOperationException">Called outside a transaction.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OpenWrite<T>(ref TxHeader header, T self, TransactionalProperty property)
        where T : class, ITransactionalObject
    {
        Segment? segment = Segment.Current;
        if (segment is not null && header.Word == segment.FreshStamp)
        {
            return self; // allocated by this transaction level: written in place
        }

        return OpenWrite(segment, ref header, self, property);
    }

    /// <summary>
    /// Write barrier for a caller that has looked up the running transaction (<see cref="CurrentTransaction"/>)
    /// and found the object not fresh (<see cref="IsFresh"/>). Returns the transaction's private copy, taking
    /// ownership of the object on the first write (an object the transaction level allocated is returned as is).
    /// </summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <param name="transaction">The calling thread's running transaction.</param>
    /// <param name="header">The object's header field.</param>
    /// <param name="self">The object (<see langword="this"/>).</param>
    /// <param name="property">The property being written, for conflict attribution.</param>
    /// <returns>The object whose backing fields the caller writes.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="transaction"/> is <see langword="null"/> (outside a transaction).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OpenWrite<T>(TransactionContext? transaction, ref TxHeader header, T self, TransactionalProperty property)
        where T : class, ITransactionalObject
    {
        Segment? segment = Unsafe.As<Segment>(transaction);
        long word = header.Word;
        if (segment is not null && HeaderWord.OwnerOf(word) == segment.CurrentOwner)
        {
            return Unsafe.As<T>(segment.Writes.CopyAt(HeaderWord.CopyIndex(word))); // one load: the lock names the copy
        }

        return Unsafe.As<T>(Segment.OpenWriteSlow(segment, ref header, self, property)); // also handles a fresh object
    }

    /// <summary>
    /// Writes a property outside any atomic block: runs a one-write transaction, so the write is atomic and
    /// ordered like a volatile write (and conflicts with running transactions like any other commit).
    /// </summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <typeparam name="TValue">The property type.</typeparam>
    /// <param name="header">The object's header field.</param>
    /// <param name="self">The object (<see langword="this"/>).</param>
    /// <param name="value">The value to store.</param>
    /// <param name="property">The property being written.</param>
    /// <param name="store">Stores <paramref name="value"/> into the backing field of the given state copy.</param>
    public static void WriteOutside<T, TValue>(ref TxHeader header, T self, TValue value, TransactionalProperty property, Action<T, TValue> store)
        where T : class, ITransactionalObject
    {
        ArgumentNullException.ThrowIfNull(store);
        ref Segment? current = ref Segment.CurrentSlot;
        if (current is not null)
        {
            // The caller decided it was outside a transaction; a handler may have started one since.
            store(OpenWrite(ref header, self, property), value);
            return;
        }

        var body = new SingleWriteBody<T, TValue>(ref header, self, value, property, store);
        TransactionRunner.RunTopLevel<SingleWriteBody<T, TValue>, bool>(ref current, ref body);
    }

    /// <summary>
    /// Whether writing <paramref name="next"/> over <paramref name="current"/> changes nothing (a "silent"
    /// write, recorded as a read): the two are the same reference, or the same bits. Never <c>Equals</c>, which
    /// may ignore part of a value (<c>1.0m</c> and <c>1.00m</c>, a <see cref="DateTime"/>'s kind, <c>0.0</c> and
    /// <c>-0.0</c>, a struct comparing only its key), so that skipping such a write would lose it.
    /// </summary>
    /// <typeparam name="TValue">The property type.</typeparam>
    /// <param name="current">The value the property holds.</param>
    /// <param name="next">The value being written.</param>
    /// <returns><see langword="true"/> if the write can be skipped.</returns>
    /// <remarks>
    /// Equal values with different bits (a struct's padding, NaNs with different payloads) are written: a write too
    /// many costs a possible conflict, a write skipped would lose data. A struct holding references is written unless
    /// it is exactly one reference (<c>ImmutableArray&lt;T&gt;</c>, say): comparing its bits is not safe while the GC
    /// may move what they refer to.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameValue<TValue>(TValue current, TValue next)
    {
        if (!typeof(TValue).IsValueType)
        {
            return ReferenceEquals(current, next);
        }

        if (typeof(TValue) == typeof(double))
        {
            return BitConverter.DoubleToInt64Bits((double)(object)current!) == BitConverter.DoubleToInt64Bits((double)(object)next!);
        }

        if (typeof(TValue) == typeof(float))
        {
            return BitConverter.SingleToInt32Bits((float)(object)current!) == BitConverter.SingleToInt32Bits((float)(object)next!);
        }

        if (typeof(TValue) == typeof(long) || typeof(TValue) == typeof(int) || typeof(TValue) == typeof(bool)
            || typeof(TValue) == typeof(byte) || typeof(TValue) == typeof(short) || typeof(TValue) == typeof(char)
            || typeof(TValue) == typeof(ulong) || typeof(TValue) == typeof(uint) || typeof(TValue) == typeof(ushort)
            || typeof(TValue) == typeof(sbyte) || typeof(TValue) == typeof(nint) || typeof(TValue) == typeof(nuint))
        {
            // Equals of an integer is its bits, and the comparison stays in registers (the byte view below takes the
            // values' addresses).
            return System.Collections.Generic.EqualityComparer<TValue>.Default.Equals(current, next);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
        {
            return Unsafe.SizeOf<TValue>() == IntPtr.Size
                && ReferenceEquals(Unsafe.As<TValue, object>(ref current), Unsafe.As<TValue, object>(ref next));
        }

        return SameBits(ref Unsafe.As<TValue, byte>(ref current), ref Unsafe.As<TValue, byte>(ref next), Unsafe.SizeOf<TValue>());
    }

    // The size is a constant where this is inlined, so the JIT keeps one comparison for the common sizes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameBits(ref byte current, ref byte next, int size) => size switch
    {
        1 => current == next,
        2 => Unsafe.ReadUnaligned<ushort>(ref current) == Unsafe.ReadUnaligned<ushort>(ref next),
        4 => Unsafe.ReadUnaligned<uint>(ref current) == Unsafe.ReadUnaligned<uint>(ref next),
        8 => Unsafe.ReadUnaligned<ulong>(ref current) == Unsafe.ReadUnaligned<ulong>(ref next),
        16 => Unsafe.ReadUnaligned<ulong>(ref current) == Unsafe.ReadUnaligned<ulong>(ref next)
            && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref current, 8)) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref next, 8)),
        _ => System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref current, size)
            .SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref next, size)),
    };

    /// <summary>The body of the one-write transaction behind <see cref="WriteOutside"/>.</summary>
    private ref struct SingleWriteBody<T, TValue> : ITransactionBody<bool>
        where T : class, ITransactionalObject
    {
        private readonly ref TxHeader _header;
        private readonly T _self;
        private readonly TValue _value;
        private readonly TransactionalProperty _property;
        private readonly Action<T, TValue> _store;

        public SingleWriteBody(ref TxHeader header, T self, TValue value, TransactionalProperty property, Action<T, TValue> store)
        {
            _header = ref header;
            _self = self;
            _value = value;
            _property = property;
            _store = store;
        }

        public bool Invoke()
        {
            _store(OpenWrite(ref _header, _self, _property), _value);
            return true;
        }
    }
}
