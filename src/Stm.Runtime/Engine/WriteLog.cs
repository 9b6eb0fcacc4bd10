using System;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// The objects a transaction attempt owns, in the order it took them, each with what its nesting level
/// replaced (previous owner token and private copy) so a nested block can be rolled back on its own.
/// </summary>
internal sealed class WriteLog
{
    private Entry[] _entries = new Entry[16];
    private int _count;

    internal int Count => _count;

    internal ref Entry this[int index] => ref _entries[index];

    internal void Add(ITransactionalObject obj, OwnerToken? previousOwner, object? previousCopy, TransactionalProperty property)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = new Entry(obj, previousOwner, previousCopy, property);
    }

    /// <summary>Drops entries from <paramref name="count"/> on (after they were rolled back or released).</summary>
    internal void Truncate(int count)
    {
        Array.Clear(_entries, count, _count - count);
        _count = count;
        if (count == 0 && _entries.Length > 4096)
        {
            _entries = new Entry[16];
        }
    }

    internal readonly struct Entry(ITransactionalObject obj, OwnerToken? previousOwner, object? previousCopy, TransactionalProperty property)
    {
        internal ITransactionalObject Object { get; } = obj;

        internal OwnerToken? PreviousOwner { get; } = previousOwner;

        internal object? PreviousCopy { get; } = previousCopy;

        internal TransactionalProperty Property { get; } = property;
    }
}
