using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
/// is de-duplicated whenever it doubles past the cache, so its memory follows the number of distinct
/// objects read, not the number of reads.</para>
/// </remarks>
internal sealed class ReadLog
{
    private const int InitialCacheSize = 256;
    private const int MaxCacheSize = 1 << 18;

    private object?[] _cache = new object?[InitialCacheSize];
    private int _mask = InitialCacheSize - 1;
    private ITransactionalObject[] _items = new ITransactionalObject[64];
    private int _count;
    private int _compactAt = InitialCacheSize * 2;

    internal int Count => _count;

    internal ReadOnlySpan<ITransactionalObject> Items => _items.AsSpan(0, _count);

    /// <summary>Bytes used by the log and its cache (for the memory benchmark).</summary>
    internal long FootprintBytes => ((long)_items.Length + _cache.Length) * IntPtr.Size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Contains(int id, object obj) =>
        Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_cache), id & _mask) == obj;

    internal void Add(int id, ITransactionalObject obj)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = obj;
        _cache[id & _mask] = obj;
        if (_count >= _compactAt)
        {
            Compact();
        }
    }

    /// <summary>Grows the cache while it is small, then removes duplicates from the log.</summary>
    private void Compact()
    {
        if (_cache.Length < MaxCacheSize)
        {
            int size = _cache.Length * 4;
            while (size < _count && size < MaxCacheSize)
            {
                size *= 2;
            }

            _cache = new object?[size];
            _mask = size - 1;
        }
        else
        {
            Array.Clear(_cache);
        }

        var seen = new HashSet<object>(_count, ReferenceEqualityComparer.Instance);
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            ITransactionalObject item = _items[i];
            if (seen.Add(item))
            {
                _items[kept++] = item;
                _cache[item.StmHeader.Id & _mask] = item;
            }
        }

        Array.Clear(_items, kept, _count - kept);
        _count = kept;
        _compactAt = Math.Max(_cache.Length * 2, kept * 2);
    }

    /// <summary>Forgets every read (end of attempt): clears the cache entries the log used.</summary>
    internal void Clear()
    {
        if (_count == 0)
        {
            return;
        }

        if (_count * 4 >= _cache.Length)
        {
            Array.Clear(_cache);
        }
        else
        {
            for (int i = 0; i < _count; i++)
            {
                _cache[_items[i].StmHeader.Id & _mask] = null;
            }
        }

        Array.Clear(_items, 0, _count);
        _count = 0;
        if (_items.Length > 4096 && _cache.Length > InitialCacheSize * 16)
        {
            // A huge transaction left large arrays behind: give them back rather than pinning memory.
            _items = new ITransactionalObject[64];
            _cache = new object?[InitialCacheSize];
            _mask = InitialCacheSize - 1;
        }

        _compactAt = Math.Max(_cache.Length * 2, InitialCacheSize * 2);
    }

    /// <summary>
    /// Checks that nothing read has been committed by another transaction since <paramref name="readVersion"/>.
    /// </summary>
    /// <returns>The first object found changed, or <see langword="null"/> if every read is still current.</returns>
    internal ITransactionalObject? FindChangedSince(long readVersion)
    {
        ITransactionalObject[] items = _items;
        for (int i = 0; i < _count; i++)
        {
            if (System.Threading.Volatile.Read(ref items[i].StmHeader.Version) > readVersion)
            {
                return items[i];
            }
        }

        return null;
    }
}
