using System;
using System.Collections;
using System.Collections.Generic;
using Stm.Internal;

namespace Stm.Collections;

/// <summary>
/// A transactional FIFO queue. <see cref="Dequeue"/> on an empty queue calls <see cref="Atomic.Retry"/>, so a
/// consumer blocks until a producer's transaction commits an item. Producers and consumers of a queue with
/// items in it touch different objects and do not conflict with each other.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TQueue<T> : IReadOnlyCollection<T>
{
    private static readonly TransactionalProperty s_head = TransactionalProperty.Register(typeof(TQueue<T>), "head");
    private static readonly TransactionalProperty s_tail = TransactionalProperty.Register(typeof(TQueue<T>), "tail");
    private static readonly TransactionalProperty s_next = TransactionalProperty.Register(typeof(TQueue<T>), "next");

    // A linked list with a sentinel: the head cell points at the sentinel, whose successor is the first item.
    private readonly TxCell<Node> _head;
    private readonly TxCell<Node> _tail;
    private readonly TCounter _count = new();

    /// <summary>Creates an empty queue.</summary>
    public TQueue()
    {
        var sentinel = new Node(default!);
        _head = new TxCell<Node>(sentinel, s_head);
        _tail = new TxCell<Node>(sentinel, s_tail);
    }

    /// <summary>The number of items (a read that conflicts with concurrent enqueues and dequeues).</summary>
    public int Count => (int)_count.Value;

    /// <summary>Adds an item at the end.</summary>
    /// <param name="item">The item.</param>
    public void Enqueue(T item)
    {
        if (!Atomic.InTransaction)
        {
            EnqueueOutside(item);
            return;
        }

        var node = new Node(item);
        _tail.Value.Next.Value = node;
        _tail.Value = node;
        _count.Increment();
    }

    /// <summary>
    /// <see cref="Enqueue"/> outside any transaction: runs one. A method of its own because a lambda capturing a
    /// parameter makes the compiler allocate its closure on entry to the method declaring it (every enqueue did).
    /// </summary>
    private void EnqueueOutside(T item) => Atomic.Run(() => Enqueue(item));

    /// <summary>
    /// Removes and returns the first item; if the queue is empty, calls <see cref="Atomic.Retry"/>, so the
    /// transaction waits until an item is enqueued (outside a transaction the call simply blocks).
    /// </summary>
    /// <returns>The first item.</returns>
    public T Dequeue()
    {
        if (!Atomic.InTransaction)
        {
            return Atomic.Run(Dequeue);
        }

        if (!TryDequeue(out T? item))
        {
            Atomic.Retry();
        }

        return item!;
    }

    /// <summary>Removes the first item if there is one.</summary>
    /// <param name="item">The removed item, or the default value.</param>
    /// <returns><see langword="true"/> if an item was removed.</returns>
    public bool TryDequeue(out T item)
    {
        if (!Atomic.InTransaction)
        {
            (bool found, T value) = Atomic.Run(() => (TryDequeue(out T v), v));
            item = value;
            return found;
        }

        Node sentinel = _head.Value;
        Node? first = sentinel.Next.Value;
        if (first is null)
        {
            item = default!;
            return false;
        }

        _head.Value = first; // the first node becomes the sentinel
        _count.Decrement();
        item = first.Item;
        return true;
    }

    /// <summary>Returns the first item without removing it if there is one.</summary>
    /// <param name="item">The first item, or the default value.</param>
    /// <returns><see langword="true"/> if the queue has an item.</returns>
    public bool TryPeek(out T item)
    {
        if (!Atomic.InTransaction)
        {
            (bool found, T value) = Atomic.Run(() => (TryPeek(out T v), v));
            item = value;
            return found;
        }

        Node? first = _head.Value.Next.Value;
        item = first is null ? default! : first.Item;
        return first is not null;
    }

    /// <summary>Enumerates a snapshot of the items, taken in one transaction (or in the current one).</summary>
    /// <returns>The items, first to last.</returns>
    public IEnumerator<T> GetEnumerator()
    {
        List<T> snapshot = Atomic.Run(() =>
        {
            var items = new List<T>();
            for (Node? node = _head.Value.Next.Value; node is not null; node = node.Next.Value)
            {
                items.Add(node.Item);
            }

            return items;
        });
        return snapshot.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Node(T item)
    {
        internal T Item { get; } = item;

        internal TxCell<Node?> Next { get; } = new(null, s_next);
    }
}
