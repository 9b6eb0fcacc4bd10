using System;
using Stm.Internal;

namespace Stm.Collections;

/// <summary>
/// Base of the runtime's own transactional objects (collection nodes and holders), written by hand in the
/// shape the generator emits: one header, <see cref="object.MemberwiseClone"/> for private copies, and
/// <see cref="Publish"/> to copy a committed copy's fields back.
/// </summary>
internal abstract class TxObject : ITransactionalObject
{
    private protected TxHeader _header = TxHeader.Create();

    ref TxHeader ITransactionalObject.StmHeader => ref _header;

    object ITransactionalObject.StmClone() => MemberwiseClone();

    void ITransactionalObject.StmPublish(object copy) => Publish(copy);

    /// <summary>Copies the transactional fields of <paramref name="copy"/> into this object.</summary>
    private protected abstract void Publish(object copy);

    /// <summary>Reads a field through the read barrier (validated, re-read if a commit raced with it).</summary>
    private protected static TField Read<TSelf, TField>(TSelf self, TransactionalProperty property, Func<TSelf, TField> field)
        where TSelf : TxObject
    {
        while (true)
        {
            TSelf source = Barrier.OpenRead(ref self._header, self, property, out long version);
            TField value = field(source);
            if (Barrier.ReadIsValid(ref self._header, version))
            {
                return value;
            }
        }
    }

    /// <summary>Writes a field through the write barrier (a silent write if the value is unchanged).</summary>
    private protected static void Write<TSelf, TField>(TSelf self, TransactionalProperty property, TField value, Func<TSelf, TField> field, Action<TSelf, TField> store)
        where TSelf : TxObject
    {
        if (Barrier.IsFresh(ref self._header))
        {
            store(self, value); // allocated by this transaction: nobody else can see it
            return;
        }

        if (Barrier.SameValue(Read(self, property, field), value))
        {
            return; // a silent write is a read, in or outside a transaction
        }

        if (Barrier.InTransaction)
        {
            store(Barrier.OpenWrite(ref self._header, self, property), value);
        }
        else
        {
            Barrier.WriteOutside(ref self._header, self, value, property, store);
        }
    }
}

/// <summary>
/// A transactional holder of one reference or value (list slots, queue ends, dictionary buckets), carrying
/// the property identity its conflicts are reported under (for example <c>TQueue&lt;Int32&gt;.head</c>).
/// </summary>
/// <typeparam name="T">The held type.</typeparam>
internal sealed class TxCell<T> : TxObject
{
    private readonly TransactionalProperty _property;
    private T _value;

    internal TxCell(T value, TransactionalProperty property)
    {
        _value = value;
        _property = property;
    }

    internal T Value
    {
        get => Read(this, _property, static c => c._value);
        set => Write(this, _property, value, static c => c._value, static (c, v) => c._value = v);
    }

    private protected override void Publish(object copy) => _value = ((TxCell<T>)copy)._value;
}
