using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Stm.Internal;

namespace Stm.Collections;

/// <summary>
/// A transactional hash map. Operations on keys in different buckets touch different objects and do not
/// conflict: two transactions updating different keys commit in parallel. Every operation is atomic; inside
/// an atomic block it is part of that transaction.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <remarks>
/// Each bucket is its own transactional object holding a chain of nodes; a node's value is transactional, its
/// key immutable. <see cref="Count"/> is a <see cref="TCounter"/>, so inserts and removals do not conflict on
/// it. The table doubles (one transaction that conflicts with everything) when an insert finds a chain longer
/// than 8, never by reading the count.
/// </remarks>
public sealed class TDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private const int MaxChain = 8;
    private static readonly TransactionalProperty s_table = TransactionalProperty.Register(typeof(TDictionary<TKey, TValue>), "table");
    private static readonly TransactionalProperty s_bucket = TransactionalProperty.Register(typeof(TDictionary<TKey, TValue>), "bucket");
    private static readonly TransactionalProperty s_value = TransactionalProperty.Register(typeof(TDictionary<TKey, TValue>), "value");
    private static readonly TransactionalProperty s_next = TransactionalProperty.Register(typeof(TDictionary<TKey, TValue>), "next");

    private readonly IEqualityComparer<TKey> _comparer;
    private readonly TxCell<TxCell<Node?>[]> _table;
    private readonly TCounter _count = new();

    /// <summary>Creates an empty dictionary.</summary>
    /// <param name="capacity">The expected number of keys (sizes the initial table).</param>
    /// <param name="comparer">The key comparer, or <see langword="null"/> for the default.</param>
    public TDictionary(int capacity = 16, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        int size = 16;
        while (size < capacity && size < (1 << 30))
        {
            size *= 2;
        }

        _table = new TxCell<TxCell<Node?>[]>(NewBuckets(size), s_table);
    }

    /// <summary>The number of keys (a read that conflicts with concurrent inserts and removals).</summary>
    /// <remarks>
    /// Outside a transaction this is a transaction of its own, so an array sized by it may no longer fit by the time
    /// it is filled: use <see cref="ToArray"/> or <see cref="ToList"/>, or read and copy inside <see cref="Atomic.Run(Action)"/>.
    /// A <c>CopyTo</c> into exactly the room this thread's last <c>Count</c> gave (LINQ's <c>ToArray()</c>,
    /// <c>new List&lt;T&gt;(x)</c>) throws if the count went stale; a copy into more room (<c>List&lt;T&gt;.AddRange</c>
    /// into a list with spare capacity) cannot be told from an ordinary copy and is not checked.
    /// </remarks>
    public int Count => Atomic.InTransaction ? (int)_count.Value : CountThenCopy.Remember(this, (int)_count.Value);

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <summary>A read-only snapshot of the keys, taken in one transaction.</summary>
    /// <remarks>A copy, so changing it could not change the dictionary: it is read-only (its <c>Add</c>, <c>Remove</c> and
    /// <c>Clear</c> throw <see cref="NotSupportedException"/>), as <see cref="Dictionary{TKey, TValue}.Keys"/> is.</remarks>
    public ICollection<TKey> Keys => Snapshot().ConvertAll(static p => p.Key).AsReadOnly();

    /// <summary>A read-only snapshot of the values, taken in one transaction.</summary>
    /// <remarks>A copy, so changing it could not change the dictionary: it is read-only (its <c>Add</c>, <c>Remove</c> and
    /// <c>Clear</c> throw <see cref="NotSupportedException"/>), as <see cref="Dictionary{TKey, TValue}.Values"/> is.</remarks>
    public ICollection<TValue> Values => Snapshot().ConvertAll(static p => p.Value).AsReadOnly();

    IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

    IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

    /// <summary>Gets or sets the value of a key.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">Getting a key that is not present.</exception>
    public TValue this[TKey key]
    {
        get => TryGetValue(key, out TValue? value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the dictionary.");
        set => Set(key, value, throwIfPresent: false);
    }

    /// <inheritdoc/>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Atomic.InTransaction)
        {
            return TryGetValueOutside(key, out value);
        }

        int hash = _comparer.GetHashCode(key);
        Node? node = Find(Bucket(hash).Value, hash, key);
        value = node is null ? default : node.Value;
        return node is not null;
    }

    /// <inheritdoc/>
    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The key is already present.</exception>
    public void Add(TKey key, TValue value) => Set(key, value, throwIfPresent: true);

    /// <summary>Adds the key if it is absent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to add.</param>
    /// <returns><see langword="true"/> if the key was added.</returns>
    public bool TryAdd(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Atomic.Run(() =>
        {
            if (ContainsKey(key))
            {
                return false;
            }

            Set(key, value, throwIfPresent: false);
            return true;
        });
    }

    /// <inheritdoc/>
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Atomic.InTransaction)
        {
            return RemoveOutside(key);
        }

        int hash = _comparer.GetHashCode(key);
        TxCell<Node?> bucket = Bucket(hash);
        Node? previous = null;
        for (Node? node = bucket.Value; node is not null; previous = node, node = node.Next)
        {
            if (node.Hash == hash && _comparer.Equals(node.Key, key))
            {
                if (previous is null)
                {
                    bucket.Value = node.Next;
                }
                else
                {
                    previous.Next = node.Next;
                }

                _count.Decrement();
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public void Clear()
    {
        Atomic.Run(() =>
        {
            long count = _count.Value;
            _table.Value = NewBuckets(16);
            _count.Add(-count);
        });
    }

    /// <inheritdoc/>
    public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

    /// <inheritdoc/>
    public bool Contains(KeyValuePair<TKey, TValue> item) =>
        TryGetValue(item.Key, out TValue? value) && EqualityComparer<TValue>.Default.Equals(value, item.Value);

    /// <inheritdoc/>
    public bool Remove(KeyValuePair<TKey, TValue> item) =>
        Atomic.Run(() => Contains(item) && Remove(item.Key));

    /// <summary>Copies a snapshot of the pairs, taken in one transaction (or in the current one), into an array.</summary>
    /// <param name="array">The destination.</param>
    /// <param name="arrayIndex">Where in <paramref name="array"/> the first pair goes.</param>
    /// <exception cref="ArgumentException">The pairs do not fit in <paramref name="array"/> from <paramref name="arrayIndex"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// Outside a transaction, <paramref name="array"/> was sized by a <see cref="Count"/> this thread read just before, and
    /// another transaction added or removed keys in between (as LINQ's <c>ToArray()</c> through an interface or
    /// <c>new List&lt;T&gt;(dictionary)</c> would): the copy would be torn. Use <see cref="ToArray"/> or <see cref="ToList"/>.
    /// </exception>
    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => CountThenCopy.CopyTo(this, Snapshot, array, arrayIndex);

    /// <summary>Copies the pairs into a new array, in one transaction (or in the current one).</summary>
    /// <returns>The pairs, in no particular order.</returns>
    /// <remarks>Prefer this to LINQ's <c>ToArray()</c> through an interface, which reads the count and the pairs in two transactions.</remarks>
    public KeyValuePair<TKey, TValue>[] ToArray() => Snapshot().ToArray();

    /// <summary>Copies the pairs into a new <see cref="List{T}"/>, in one transaction (or in the current one).</summary>
    /// <returns>The pairs, in no particular order.</returns>
    /// <remarks>Prefer this to LINQ's <c>ToList()</c> or <c>new List&lt;T&gt;(dictionary)</c>, which read the count and the pairs in two transactions.</remarks>
    public List<KeyValuePair<TKey, TValue>> ToList() => Snapshot();

    /// <summary>Enumerates a snapshot of the pairs, taken in one transaction (or in the current one).</summary>
    /// <returns>The pairs, in no particular order.</returns>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<KeyValuePair<TKey, TValue>> Snapshot() => Atomic.Run(() =>
    {
        var pairs = new List<KeyValuePair<TKey, TValue>>();
        foreach (TxCell<Node?> bucket in _table.Value)
        {
            for (Node? node = bucket.Value; node is not null; node = node.Next)
            {
                pairs.Add(new KeyValuePair<TKey, TValue>(node.Key, node.Value));
            }
        }

        return pairs;
    });

    private void Set(TKey key, TValue value, bool throwIfPresent)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Atomic.InTransaction)
        {
            SetOutside(key, value, throwIfPresent);
            return;
        }

        int hash = _comparer.GetHashCode(key);
        TxCell<Node?> bucket = Bucket(hash);
        Node? head = bucket.Value;
        int chain = 0;
        for (Node? node = head; node is not null; node = node.Next, chain++)
        {
            if (node.Hash == hash && _comparer.Equals(node.Key, key))
            {
                if (throwIfPresent)
                {
                    throw new ArgumentException($"An item with the key '{key}' has already been added.", nameof(key));
                }

                node.Value = value; // conflicts only with users of this key
                return;
            }
        }

        bucket.Value = new Node(key, hash, value, head);
        _count.Increment();
        if (chain >= MaxChain && DoublingSplits(head, hash))
        {
            Grow();
        }
    }

    /// <summary>
    /// Whether doubling the table would split the chain of <paramref name="hash"/>'s bucket (from
    /// <paramref name="head"/>): some key of it must land in the other half. Keys whose hashes collide (or differ only
    /// in bits the table does not use yet) stay together however large the table gets, and doubling for them would
    /// allocate ever larger tables for nothing (a constant hash reached a gigabyte at 28 keys).
    /// </summary>
    private bool DoublingSplits(Node? head, int hash)
    {
        int newBit = _table.Value.Length;
        int side = Spread(hash) & newBit;
        for (Node? node = head; node is not null; node = node.Next)
        {
            if ((Spread(node.Hash) & newBit) != side)
            {
                return true;
            }
        }

        return false;
    }

    private TxCell<Node?> Bucket(int hash)
    {
        TxCell<Node?>[] buckets = _table.Value;
        return buckets[Spread(hash) & (buckets.Length - 1)];
    }

    private Node? Find(Node? node, int hash, TKey key)
    {
        for (; node is not null; node = node.Next)
        {
            if (node.Hash == hash && _comparer.Equals(node.Key, key))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Doubles the table, rebuilding the chains (the nodes are new: their links change).</summary>
    private void Grow()
    {
        TxCell<Node?>[] old = _table.Value;
        if (old.Length >= 1 << 30)
        {
            return;
        }

        TxCell<Node?>[] buckets = NewBuckets(old.Length * 2);
        foreach (TxCell<Node?> bucket in old)
        {
            for (Node? node = bucket.Value; node is not null; node = node.Next)
            {
                TxCell<Node?> target = buckets[Spread(node.Hash) & (buckets.Length - 1)];
                target.Value = new Node(node.Key, node.Hash, node.Value, target.Value);
            }
        }

        _table.Value = buckets;
    }

    private static TxCell<Node?>[] NewBuckets(int size)
    {
        var buckets = new TxCell<Node?>[size];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new TxCell<Node?>(null, s_bucket);
        }

        return buckets;
    }

    /// <summary>Mixes the high bits of a hash into the low ones used to pick a bucket.</summary>
    private static int Spread(int hash) => (int)((uint)hash * 0x9E3779B1u >> 7) ^ hash;

    /// <summary>
    /// A chain node. The value lives in its own cell so that updating a key's value does not conflict with
    /// transactions that merely walk past this node (conflicts are per object).
    /// </summary>
    private sealed class Node : TxObject
    {
        private readonly TxCell<TValue> _value;
        private Node? _next;

        internal Node(TKey key, int hash, TValue value, Node? next)
        {
            Key = key;
            Hash = hash;
            _value = new TxCell<TValue>(value, s_value);
            _next = next;
        }

        internal TKey Key { get; }

        internal int Hash { get; }

        internal TValue Value
        {
            get => _value.Value;
            set => _value.Value = value;
        }

        internal Node? Next
        {
            get => Read(this, s_next, static n => n._next);
            set => Write(this, s_next, value, static n => n._next, static (n, v) => n._next = v);
        }

        private protected override void Publish(object copy) => _next = ((Node)copy)._next;
    }

    // The paths outside any transaction, each in a method of its own: a lambda capturing a parameter makes the
    // compiler allocate its closure on entry to the method that declares the parameter, so inside the public
    // method every call, in transactions too, allocated one.
    private bool TryGetValueOutside(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        (bool found, TValue v) = Atomic.Run(() => (TryGetValue(key, out TValue? inner), inner!));
        value = v;
        return found;
    }

    private bool RemoveOutside(TKey key) => Atomic.Run(() => Remove(key));

    private void SetOutside(TKey key, TValue value, bool throwIfPresent) => Atomic.Run(() => Set(key, value, throwIfPresent));
}
