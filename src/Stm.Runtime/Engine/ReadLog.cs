using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// The objects a transaction attempt has read: validated at commit (and when the attempt extends its read
/// version), and what a blocked <see cref="Atomic.Retry"/> waits on.
/// </summary>
/// <remarks>
/// <para>A segment-private, direct-mapped cache of object references answers "already recorded?" with one
/// load and one compare, so a repeated read costs no hashing, no atomic and no shared write (c7's read
/// marker, keyed by a per-object id instead of an address). A miss appends to the log.</para>
/// <para>Two objects whose ids share a cache slot evict each other, which can log an object twice; the log
/// is de-duplicated when it outgrows the cache, so its memory follows the number of distinct objects read,
/// not the number of reads. Both arrays hold structs wrapping the references, so storing into them needs
/// no covariant array-store check.</para>
/// </remarks>
internal sealed class ReadLog
{
    private const int InitialCacheSize = 256;
    private const int MaxCacheSize = 1 << 18;

    private Slot[] _cache = new Slot[InitialCacheSize];
    private int _mask = InitialCacheSize - 1;
    private LoggedRead[] _items = new LoggedRead[64];
    private int _count;
    private int _compactAt = InitialCacheSize;
    private int _smallRuns;

    internal int Count => _count;

    /// <summary>Bytes used by the log and its cache (for the memory benchmark).</summary>
    internal long FootprintBytes => ((long)_items.Length + _cache.Length) * IntPtr.Size;

    internal ITransactionalObject this[int index] => _items[index].Object;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Contains(int id, object obj) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cache), id & _mask).Object == obj;

    internal void Add(int id, ITransactionalObject obj)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++].Object = obj;
        _cache[id & _mask].Object = obj;
        if (_count >= _compactAt)
        {
            Compact();
        }
    }

    internal ITransactionalObject[] ToArray()
    {
        var result = new ITransactionalObject[_count];
        for (int i = 0; i < _count; i++)
        {
            result[i] = _items[i].Object;
        }

        return result;
    }

    /// <summary>
    /// The log outgrew the cache. While the cache may grow, grow it and re-index the log (an object logged twice
    /// lands on its own slot again and is dropped); at the maximum size, remove duplicates exactly.
    /// </summary>
    private void Compact()
    {
        if (_cache.Length < MaxCacheSize)
        {
            int size = _cache.Length * 2;
            while (size < _count * 2 && size < MaxCacheSize)
            {
                size *= 2;
            }

            _cache = new Slot[size];
            _mask = size - 1;
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                ITransactionalObject item = _items[i].Object;
                ref Slot slot = ref _cache[item.StmHeader.Id & _mask];
                if (slot.Object != item)
                {
                    slot.Object = item;
                    _items[kept++].Object = item;
                }
            }

            Array.Clear(_items, kept, _count - kept);
            _count = kept;
            _compactAt = _cache.Length < MaxCacheSize ? _cache.Length : Math.Max(_cache.Length, kept * 2);
            return;
        }

        Array.Clear(_cache);
        var seen = new HashSet<object>(_count, ReferenceEqualityComparer.Instance);
        int unique = 0;
        for (int i = 0; i < _count; i++)
        {
            ITransactionalObject item = _items[i].Object;
            if (seen.Add(item))
            {
                _items[unique++].Object = item;
                _cache[item.StmHeader.Id & _mask].Object = item;
            }
        }

        Array.Clear(_items, unique, _count - unique);
        _count = unique;
        _compactAt = Math.Max(_cache.Length, unique * 2);
    }

    /// <summary>
    /// Forgets every read (end of attempt). The arrays keep their size, so a segment that runs large
    /// transactions does not regrow them each time; after a long run of small transactions they shrink.
    /// </summary>
    internal void Clear()
    {
        if (_count * 16 >= _cache.Length)
        {
            Array.Clear(_cache);
            Array.Clear(_items, 0, _count);
        }
        else
        {
            for (int i = 0; i < _count; i++)
            {
                _cache[_items[i].Object.StmHeader.Id & _mask].Object = null;
                _items[i].Object = null!; // cleared in the same pass: saves an Array.Clear call per transaction
            }
        }

        if (_count * 16 < _cache.Length && _cache.Length > InitialCacheSize)
        {
            if (++_smallRuns == 64)
            {
                // Many transactions in a row used a sixteenth of the arrays: give the memory back.
                _items = new LoggedRead[64];
                _cache = new Slot[InitialCacheSize];
                _mask = InitialCacheSize - 1;
                _smallRuns = 0;
            }
        }
        else
        {
            _smallRuns = 0;
        }

        _count = 0;
        _compactAt = _cache.Length < MaxCacheSize ? _cache.Length : Math.Max(_cache.Length, _items.Length);
    }

    /// <summary>
    /// Checks that nothing read has been committed by another transaction since <paramref name="readVersion"/>.
    /// </summary>
    /// <returns>The first object found changed, or <see langword="null"/> if every read is still current.</returns>
    internal ITransactionalObject? FindChangedSince(long readVersion)
    {
        LoggedRead[] items = _items;
        for (int i = 0; i < _count; i++)
        {
            ITransactionalObject item = items[i].Object;
            if (System.Threading.Volatile.Read(ref item.StmHeader.Version) > readVersion)
            {
                return item;
            }
        }

        return null;
    }

    private struct Slot
    {
        public object? Object;
    }

    private struct LoggedRead
    {
        public ITransactionalObject Object;
    }
}
