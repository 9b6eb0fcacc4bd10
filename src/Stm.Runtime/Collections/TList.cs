using System;
using System.Collections;
using System.Collections.Generic;
using Stm.Internal;

namespace Stm.Collections;

/// <summary>
/// A transactional list. Each slot is its own transactional object, so transactions that read or replace
/// different elements (<c>list[i] = x</c>) do not conflict; operations that change the length (add, insert,
/// remove) conflict with those that depend on it. Every operation is atomic; inside an atomic block it is
/// part of that transaction.
/// </summary>
/// <remarks>
/// Outside an atomic block, code that combines several operations sees several transactions. LINQ over an
/// <see cref="IList{T}"/> does: <c>Select</c>, <c>Skip</c>, <c>Take</c>, <c>ElementAt</c> and <c>Last</c> read
/// <see cref="Count"/> and then index, so a concurrent removal between the two makes the indexer throw
/// <see cref="ArgumentOutOfRangeException"/>, as it would on any list that shrinks under its reader. Run such queries
/// inside <c>Atomic.Run</c> (one consistent state) or over <see cref="ToArray"/> (one snapshot).
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TList<T> : IList<T>, IReadOnlyList<T>
{
    private static readonly TransactionalProperty s_store = TransactionalProperty.Register(typeof(TList<T>), "count");
    private static readonly TransactionalProperty s_slot = TransactionalProperty.Register(typeof(TList<T>), "item");

    private readonly TxCell<Store> _store;

    /// <summary>Creates an empty list.</summary>
    public TList() => _store = new TxCell<Store>(new Store(0, NewSlots(Array.Empty<TxCell<T>>(), 4)), s_store);

    /// <summary>Creates a list holding <paramref name="items"/>.</summary>
    /// <param name="items">The initial elements.</param>
    public TList(IEnumerable<T> items)
        : this()
    {
        ArgumentNullException.ThrowIfNull(items);
        Atomic.Run(() =>
        {
            foreach (T item in items)
            {
                Add(item);
            }
        });
    }

    /// <inheritdoc cref="ICollection{T}.Count"/>
    /// <remarks>
    /// Outside a transaction this is a transaction of its own, so an array sized by it may no longer fit by the time
    /// it is filled: use <see cref="ToArray"/> or <see cref="ToList"/>, or read and copy inside <see cref="Atomic.Run(Action)"/>.
    /// A <c>CopyTo</c> into exactly the room this thread's last <c>Count</c> gave (LINQ's <c>ToArray()</c>,
    /// <c>new List&lt;T&gt;(x)</c>) throws if the count went stale; a copy into more room (<c>List&lt;T&gt;.AddRange</c>
    /// into a list with spare capacity) cannot be told from an ordinary copy and is not checked.
    /// </remarks>
    public int Count => Atomic.InTransaction ? _store.Value.Count : CountThenCopy.Remember(this, Atomically(() => _store.Value.Count));

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <inheritdoc cref="IList{T}.this"/>
    public T this[int index]
    {
        // In a transaction a single read or write needs no nested level of its own; outside, it runs one. (The
        // outside paths are methods of their own: a lambda capturing a parameter allocates its closure on entry to
        // the method declaring the parameter, so here every access, in transactions too, allocated one.)
        get => Atomic.InTransaction ? SlotAt(index).Value : GetOutside(index);
        set
        {
            if (Atomic.InTransaction)
            {
                SlotAt(index).Value = value;
            }
            else
            {
                SetOutside(index, value);
            }
        }
    }

    /// <inheritdoc/>
    public void Add(T item) => Atomically(() =>
    {
        Store store = _store.Value;
        TxCell<T>[] slots = store.Count < store.Slots.Length ? store.Slots : NewSlots(store.Slots, store.Slots.Length * 2);
        slots[store.Count].Value = item;
        _store.Value = new Store(store.Count + 1, slots);
    });

    /// <inheritdoc/>
    public void Insert(int index, T item) => Atomically(() =>
    {
        int count = _store.Value.Count;
        CheckIndex(index, count + 1);
        Add(item);
        TxCell<T>[] slots = _store.Value.Slots;
        for (int i = count; i > index; i--)
        {
            slots[i].Value = slots[i - 1].Value;
        }

        slots[index].Value = item;
    });

    /// <inheritdoc/>
    public void RemoveAt(int index) => Atomically(() =>
    {
        Store store = _store.Value;
        CheckIndex(index, store.Count);
        for (int i = index; i < store.Count - 1; i++)
        {
            store.Slots[i].Value = store.Slots[i + 1].Value;
        }

        store.Slots[store.Count - 1].Value = default!;
        _store.Value = new Store(store.Count - 1, store.Slots);
    });

    /// <inheritdoc/>
    public bool Remove(T item) => Atomically(() =>
    {
        int index = IndexOf(item);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    });

    /// <inheritdoc/>
    public int IndexOf(T item) => Atomically(() =>
    {
        Store store = _store.Value;
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < store.Count; i++)
        {
            if (comparer.Equals(store.Slots[i].Value, item))
            {
                return i;
            }
        }

        return -1;
    });

    /// <inheritdoc/>
    public bool Contains(T item) => IndexOf(item) >= 0;

    /// <inheritdoc/>
    public void Clear() => Atomically(() => { _store.Value = new Store(0, NewSlots(Array.Empty<TxCell<T>>(), 4)); });

    /// <summary>Copies a snapshot of the elements, taken in one transaction (or in the current one), into an array.</summary>
    /// <param name="array">The destination.</param>
    /// <param name="arrayIndex">Where in <paramref name="array"/> the first element goes.</param>
    /// <exception cref="ArgumentException">The elements do not fit in <paramref name="array"/> from <paramref name="arrayIndex"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Outside a transaction, <paramref name="array"/> was sized by a <see cref="Count"/> this thread read just before, and
    /// another transaction changed the length in between (as LINQ's <c>ToArray()</c> through an interface or
    /// <c>new List&lt;T&gt;(list)</c> would): the copy would be torn. Use <see cref="ToArray"/> or <see cref="ToList"/>.
    /// </exception>
    public void CopyTo(T[] array, int arrayIndex) => CountThenCopy.CopyTo(this, Snapshot, array, arrayIndex);

    /// <summary>Copies the elements into a new array, in one transaction (or in the current one).</summary>
    /// <returns>The elements in order.</returns>
    /// <remarks>Prefer this to LINQ's <c>ToArray()</c> through an interface, which reads the length and the elements in two transactions.</remarks>
    public T[] ToArray() => Snapshot().ToArray();

    /// <summary>Copies the elements into a new <see cref="List{T}"/>, in one transaction (or in the current one).</summary>
    /// <returns>The elements in order.</returns>
    /// <remarks>Prefer this to LINQ's <c>ToList()</c> or <c>new List&lt;T&gt;(list)</c>, which read the length and the elements in two transactions.</remarks>
    public List<T> ToList() => Snapshot();

    /// <summary>Enumerates a snapshot of the elements, taken in one transaction (or in the current one).</summary>
    /// <returns>The elements in order.</returns>
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<T> Snapshot() => Atomically(() =>
    {
        Store store = _store.Value;
        var items = new List<T>(store.Count);
        for (int i = 0; i < store.Count; i++)
        {
            items.Add(store.Slots[i].Value);
        }

        return items;
    });

    /// <summary>Throws unless 0 &lt;= <paramref name="index"/> &lt; <paramref name="limit"/> (the message shows the index as given, not as an unsigned number).</summary>
    private static void CheckIndex(int index, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, limit);
    }

    private TxCell<T> SlotAt(int index)
    {
        Store store = _store.Value;
        CheckIndex(index, store.Count);
        return store.Slots[index];
    }

    /// <summary>A bigger slot array: the existing slot objects are shared, the new ones are fresh.</summary>
    private static TxCell<T>[] NewSlots(TxCell<T>[] existing, int size)
    {
        var slots = new TxCell<T>[size];
        Array.Copy(existing, slots, existing.Length);
        for (int i = existing.Length; i < size; i++)
        {
            slots[i] = new TxCell<T>(default!, s_slot);
        }

        return slots;
    }

    private T GetOutside(int index) => Atomically(() => SlotAt(index).Value);

    private void SetOutside(int index, T value) => Atomically(() => SlotAt(index).Value = value);

    private static TResult Atomically<TResult>(Func<TResult> body) => Atomic.Run(body);

    private static void Atomically(Action body) => Atomic.Run(body);

    /// <summary>The length and the slot array, replaced together (the array itself is never modified once shared).</summary>
    private sealed record Store(int Count, TxCell<T>[] Slots);
}
