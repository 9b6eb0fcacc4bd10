using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// The objects a transaction attempt owns, each with its private copy, in the order they were first
/// written at each nesting level. An entry also remembers the header word its level replaced (an enclosing level's
/// ownership, or the free word of before the first write) so a nested block, or the whole attempt, can be rolled back.
/// An object's header word points at its current entry (<see cref="HeaderWord.CopyIndex"/>).
/// </summary>
/// <remarks>
/// <para>Private copies are referenced only from here, never from the (usually old) objects themselves.</para>
/// <para>The first <see cref="RetainedCopies"/> entries keep their copy when the log is truncated: the next write that
/// lands in the entry reuses it if its object is of the same class, with no trip through the <see cref="CopyPool"/>
/// (a transfer writes two accounts in every transaction: keeping their copies saves the pool's lookup, its return and
/// two reference stores with their GC write barriers, 12 % of a transfer). Entries beyond give their copies back to
/// the pool, which bounds what a segment keeps between transactions. The bound is high (256) because the pool holds
/// only four spares per class: with 16 kept, a transaction writing 100 objects of one class cloned 80 fresh copies
/// every time (commit of 100 writes 4.1 µs; 1.4 µs keeping 256). What the kept copies reference is released after
/// full collections (<see cref="CopyTrimmer"/>).</para>
/// </remarks>
internal sealed class WriteLog(CopyPool pool)
{
    /// <summary>How many entries keep their copy across transactions.</summary>
    internal const int RetainedCopies = 256;

    private Entry[] _entries = new Entry[16];
    private int _count;

    internal int Count => _count;

    internal ref Entry this[int index] => ref _entries[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal object CopyAt(int index) => _entries[index].Copy!;

    /// <summary>The index the next <see cref="Add"/> returns (a first write takes the lock naming it before it adds the entry).</summary>
    internal int NextIndex => _count;

    /// <summary>
    /// Appends an entry for <paramref name="obj"/> whose copy holds the values of <paramref name="source"/> (the object
    /// itself, or the copy of an enclosing level), and returns its index.
    /// </summary>
    internal int Add(ITransactionalObject obj, ITransactionalObject source, long previousWord, TransactionalProperty property)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        ref Entry entry = ref _entries[_count];
        object? copy = entry.Copy;
        if (copy is not null && CopyPool.SameClass(copy, source))
        {
            ((ITransactionalObject)copy).StmPublish(source);
        }
        else
        {
            if (copy is not null)
            {
                pool.Return(copy);
            }

            entry.Copy = pool.CopyOf(source);
        }

        entry.Object = obj;
        entry.PreviousWord = previousWord;
        entry.PropertyIndex = property.Index;
        return _count++;
    }

    /// <summary>
    /// Reads, from another thread, the header word that entry <paramref name="index"/> replaced, if the entry is still
    /// about <paramref name="obj"/> (for conflict reports only: the owner may be changing the log meanwhile).
    /// </summary>
    internal bool TryGetPreviousWord(int index, ITransactionalObject obj, out long previousWord)
    {
        Entry[] entries = Volatile.Read(ref _entries);
        if ((uint)index < (uint)entries.Length && ReferenceEquals(Volatile.Read(ref entries[index].Object), obj))
        {
            previousWord = Volatile.Read(ref entries[index].PreviousWord);
            return true;
        }

        previousWord = 0;
        return false;
    }

    /// <summary>Drops the entries from <paramref name="count"/> on (their copies are kept or pooled for reuse).</summary>
    internal void Truncate(int count)
    {
        Entry[] entries = _entries;
        int retained = Math.Min(_count, RetainedCopies);
        for (int i = count; i < retained; i++)
        {
            entries[i].Object = null!; // a short loop: Array.Clear is a call per transaction
        }

        for (int i = Math.Max(count, retained); i < _count; i++)
        {
            pool.Return(entries[i].Copy!);
            entries[i] = default;
        }

        _count = count;
        if (count == 0 && entries.Length > 4096)
        {
            _entries = new Entry[16];
        }
    }

    /// <summary>Drops the copies that entries keep past truncation (see <see cref="CopyTrimmer"/>); the log must be empty.</summary>
    internal void DropKeptCopies()
    {
        System.Diagnostics.Debug.Assert(_count == 0, "copies are dropped between transactions only");
        Array.Clear(_entries);
    }

    /// <summary>One object's first write at one nesting level.</summary>
    internal struct Entry
    {
        /// <summary>The object written (null in an unused entry).</summary>
        internal ITransactionalObject Object;

        /// <summary>The private copy holding the values this level wrote (kept in an unused entry below <see cref="RetainedCopies"/>).</summary>
        internal object? Copy;

        /// <summary>The header word the object had before this level's first write (an enclosing level's ownership, or a free word).</summary>
        internal long PreviousWord;

        /// <summary>The property whose write created the entry, for conflict reports.</summary>
        internal int PropertyIndex;
    }
}
