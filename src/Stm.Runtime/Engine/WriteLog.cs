using System;
using System.Runtime.CompilerServices;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// The objects a transaction attempt owns, each with its private copy, in the order they were first
/// written at each nesting level. An entry also remembers what its level replaced (previous owner token and
/// copy index) so a nested block can be rolled back on its own. An object's header points at its current
/// entry (<see cref="TxHeader.CopyIndex"/>).
/// </summary>
/// <remarks>
/// Private copies are referenced only from here, never from the (usually old) objects themselves, so they
/// die young and a gen0 collection does not have to scan the cards of the whole heap.
/// </remarks>
internal sealed class WriteLog
{
    private Entry[] _entries = new Entry[16];
    private int _count;

    internal int Count => _count;

    internal ref Entry this[int index] => ref _entries[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal object CopyAt(int index) => _entries[index].Copy;

    /// <summary>Appends an entry and returns its index.</summary>
    internal int Add(ITransactionalObject obj, object copy, long previousOwner, int previousCopyIndex, TransactionalProperty property)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count] = new Entry(obj, copy, previousOwner, previousCopyIndex, property);
        return _count++;
    }

    /// <summary>Drops entries from <paramref name="count"/> on (after they were rolled back or released).</summary>
    internal void Truncate(int count)
    {
        if (_count - count <= 4)
        {
            for (int i = count; i < _count; i++)
            {
                _entries[i] = default; // a short loop: Array.Clear is a call per transaction
            }
        }
        else
        {
            Array.Clear(_entries, count, _count - count);
        }

        _count = count;
        if (count == 0 && _entries.Length > 4096)
        {
            _entries = new Entry[16];
        }
    }

    internal readonly struct Entry(ITransactionalObject obj, object copy, long previousOwner, int previousCopyIndex, TransactionalProperty property)
    {
        internal ITransactionalObject Object { get; } = obj;

        /// <summary>This level's private copy of <see cref="Object"/>.</summary>
        internal object Copy { get; } = copy;

        internal long PreviousOwner { get; } = previousOwner;

        internal int PreviousCopyIndex { get; } = previousCopyIndex;

        /// <summary>The <see cref="TransactionalProperty.Index"/> of the first property written (an index, so storing an entry costs one GC write barrier less).</summary>
        internal int PropertyIndex { get; } = property.Index;
    }
}
