using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Stm.Engine;

namespace Stm.Internal;

/// <summary>
/// The read and write barriers that generated property accessors call. Each barrier returns the object
/// whose fields hold the values this caller must see or change: the object itself, a committed state
/// copy, or the calling transaction's private copy. The generated accessor then reads or writes its
/// backing field on that object.
/// </summary>
/// <remarks>Part of the generated-code surface: stable, but not meant to be called by hand.</remarks>
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
    /// Read barrier. Inside a transaction it records the read (once per object) and guarantees the returned
    /// state is consistent with everything read before; outside, it returns the latest committed state.
    /// </summary>
    /// <typeparam name="T">The generated class.</typeparam>
    /// <param name="header">The object's header field.</param>
    /// <param name="self">The object (<see langword="this"/>).</param>
    /// <param name="property">The property being read, for conflict attribution.</param>
    /// <returns>The object whose backing fields hold the values to read.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OpenRead<T>(ref TxHeader header, T self, TransactionalProperty property)
        where T : class, ITransactionalObject
    {
        Segment? segment = Segment.Current;
        if (segment is null)
        {
            // Outside any transaction: states are immutable once published, so one acquire load of the
            // state reference gives an atomic view of the property, whatever its size.
            return Unsafe.As<T>(Volatile.Read(ref header.State) ?? self);
        }

        if (header.Fresh == segment.FreshStamp)
        {
            return self; // allocated by this transaction: nobody else can see it
        }

        if (header.Owner is null)
        {
            object? state = Volatile.Read(ref header.State);
            if (Volatile.Read(ref header.Version) <= segment.ReadVersion && segment.Reads.Contains(header.Id, self))
            {
                return Unsafe.As<T>(state ?? self);
            }
        }

        return Unsafe.As<T>(segment.OpenReadSlow(ref header, self, property));
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
        if (segment is not null)
        {
            if (header.Fresh == segment.FreshStamp)
            {
                return self;
            }

            if (header.Owner == segment.CurrentToken)
            {
                return Unsafe.As<T>(header.Copy!);
            }
        }

        return Unsafe.As<T>(Segment.OpenWriteSlow(segment, ref header, self, property));
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
        if (Segment.Current is not null)
        {
            // The caller decided it was outside a transaction; a handler may have started one since.
            store(OpenWrite(ref header, self, property), value);
            return;
        }

        var body = new SingleWriteBody<T, TValue>(ref header, self, value, property, store);
        TransactionRunner.RunTopLevel<SingleWriteBody<T, TValue>, bool>(ref body);
    }

    /// <summary>
    /// Whether writing <paramref name="next"/> over <paramref name="current"/> changes nothing (a "silent"
    /// write, recorded as a read). References compare by identity, floating-point values by bits (so that
    /// <c>-0.0</c> still replaces <c>0.0</c>), other values with <see cref="EqualityComparer{T}.Default"/>.
    /// </summary>
    /// <typeparam name="TValue">The property type.</typeparam>
    /// <param name="current">The value the property holds.</param>
    /// <param name="next">The value being written.</param>
    /// <returns><see langword="true"/> if the write can be skipped.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameValue<TValue>(TValue current, TValue next)
    {
        if (typeof(TValue) == typeof(double))
        {
            return BitConverter.DoubleToInt64Bits((double)(object)current!) == BitConverter.DoubleToInt64Bits((double)(object)next!);
        }

        if (typeof(TValue) == typeof(float))
        {
            return BitConverter.SingleToInt32Bits((float)(object)current!) == BitConverter.SingleToInt32Bits((float)(object)next!);
        }

        if (!typeof(TValue).IsValueType)
        {
            return ReferenceEquals(current, next);
        }

        return EqualityComparer<TValue>.Default.Equals(current, next);
    }

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
