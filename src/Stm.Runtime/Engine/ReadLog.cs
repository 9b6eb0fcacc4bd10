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
/// <para>A struct embedded in its <see cref="Segment"/> (<see cref="Segment.Reads"/>, a field that is never
/// readonly and never copied): the barrier then reaches the probe's cache and mask through the segment directly,
/// one dependent load fewer per read (intset +4 %, trees +5 %).</para>
/// <para>The log has two modes within an attempt. It starts by <b>appending</b>: a first-read barrier adds the
/// object to the log with no check for duplicates beyond "is it the object appended last?". Reading objects
/// again appends them again, which is harmless (validation and waiting treat a duplicate like the original)
/// and bounded: when the log reaches its append budget it is de-duplicated, and if a large share were
/// duplicates it switches to the <b>cached</b> mode for the rest of the attempt; otherwise it keeps appending
/// with a larger budget. Most transactions read a few hundred distinct objects, once or a few times each, and
/// never leave the first mode.</para>
/// <para>In the cached mode a segment-private, direct-mapped cache of object ids answers "already recorded?"
/// with one load and one compare, so a repeated read costs no hashing, no atomic and no shared write (c7's
/// read marker, keyed by a per-object id instead of an address). A miss appends to the log. Two objects whose
/// ids share a cache slot evict each other, which can log an object twice; the log is de-duplicated when it
/// outgrows the cache. Either way its memory follows the number of distinct objects read, not the number of
/// reads.</para>
/// <para>The barrier probes the same way in both modes: while appending, its "cache" is a one-slot array
/// holding the id of an object just read twice in a row (set only then: storing every appended id there
/// measured ~15 % slower on <c>intset</c>, whose reads never repeat). Caches hold ids (<see cref="TxHeader.Id"/>, 64-bit, never
/// reused), not references, so filling and clearing them costs no GC write barrier. An append is then one
/// reference store; the end of an appending attempt clears only the log. Measured side by
/// side against the previous log (always cached, references in the cache), the <c>intset</c> workload
/// (hundreds of first reads per transaction) ran ~1.4x faster on one thread.</para>
/// <para>A slot holds the complement of an id (<c>~id</c>) and 0 when empty, so that an object without an id
/// yet (<c>Id == 0</c>, probed as <c>~0</c>) never matches an empty slot, and no id matches another's slot.</para>
/// </remarks>
internal struct ReadLog
{
    private const int InitialCacheSize = 256;
    private const int MaxCacheSize = 1 << 18;

    /// <summary>Entries an attempt appends without de-duplication before the first check for duplicates.</summary>
    private const int InitialAppendBudget = 4096;

    /// <summary>The appending mode's cache: the complemented id of an object just read twice in a row, or 0.</summary>
    private readonly long[] _lastAppended = new long[1];

    /// <summary>What the barrier probes: <see cref="_lastAppended"/> while appending, <see cref="_cacheStorage"/> when cached.</summary>
    private long[] _cache;
    private int _mask;
    private long[] _cacheStorage = new long[InitialCacheSize];
    private LoggedRead[] _items = new LoggedRead[64];
    private int _count;

    /// <summary>
    /// <see cref="TryAppend"/> succeeds while <c>1 &lt;= count &lt; _appendUntil</c>: the append budget, capped by
    /// the array's length. 1 in the cached mode (never succeeds).
    /// </summary>
    private int _appendUntil;
    private int _appendBudget = InitialAppendBudget;

    /// <summary>Entries after which appending stops succeeding inline for this attempt (see <see cref="LimitAppends"/>).</summary>
    private int _appendLimit = int.MaxValue;
    private int _compactAt;
    private int _smallRuns;

    public ReadLog()
    {
        _cache = _lastAppended;
        EnterAppendingMode();
    }

    internal int Count => _count;

    /// <summary>Bytes used by the log and its cache (for the memory benchmark).</summary>
    internal long FootprintBytes => ((long)_items.Length + _cacheStorage.Length) * sizeof(long);

    /// <summary>Whether the log is in its cached mode (see remarks): for tests.</summary>
    internal bool IsCached => _cache != _lastAppended;

    internal ITransactionalObject this[int index] => _items[index].Object;

    /// <summary>
    /// Whether the object with this <see cref="TxHeader.Id"/> is known to be logged already. False is always
    /// safe (the read is logged again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Contains(long id) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cache), (int)id & _mask) == ~id;

    /// <summary>
    /// The common case of recording a read, small enough to inline: appending mode, not the attempt's first entry
    /// (which starts the attempt's clock), within budget and capacity.
    /// </summary>
    /// <returns><see langword="false"/> if the caller must take the slow path (<see cref="Add"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAppend(ITransactionalObject obj, ref TxHeader header)
    {
        int count = _count;
        if ((uint)(count - 1) >= (uint)(_appendUntil - 1))
        {
            return false;
        }

        // 1 <= count < _appendUntil <= _items.Length. Indexed (with its bounds check) rather than through a ref:
        // then the JIT knows the store targets the heap and uses the unchecked GC write barrier.
        LoggedRead[] items = _items;
        if (items[count - 1].Object != obj)
        {
            items[count].Object = obj;
            _count = count + 1;
            return true;
        }

        // The object logged last, read again (a loop over its fields): it is logged; from now on let the barrier's
        // probe find it without calling here. (Only on a repeat: storing every appended id into the probed slot
        // measured ~15 % slower on intset, whose reads never repeat.)
        long id = header.Id;
        if (id != 0)
        {
            MemoryMarshal.GetArrayDataReference(_lastAppended) = ~id;
        }

        return true;
    }

    /// <summary>
    /// Appends the attempt's first read (which <see cref="TryAppend"/> leaves out: it compares with the entry before).
    /// </summary>
    /// <param name="obj">The object read.</param>
    /// <returns><see langword="false"/> if the log is not empty or not appending.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAppendFirst(ITransactionalObject obj)
    {
        // (The log is never cached while empty; the test keeps an entry from bypassing the cache if that changes.)
        if (_count != 0 || IsCached)
        {
            return false;
        }

        _items[0].Object = obj;
        _count = 1;
        return true;
    }

    /// <summary>
    /// The cached mode's common case, small enough to sit in the barrier's one out-of-line call: the object has an
    /// id, the log has room and the cache needs no rebuild. Anything else is left to <see cref="Add"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAddCached(ITransactionalObject obj, ref TxHeader header)
    {
        long id = header.Id;
        int count = _count;
        LoggedRead[] items = _items;
        if (id == 0 || _cache == _lastAppended || (uint)count >= (uint)items.Length || count + 1 >= _compactAt)
        {
            return false;
        }

        // The barrier's probe just missed, so the object is not in the cache (an evicted entry may be logged
        // twice, which validation tolerates; Reindex drops such duplicates).
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cache), (int)id & _mask) = ~id;
        items[count].Object = obj;
        _count = count + 1;
        return true;
    }

    /// <summary>Records a read (the slow path of <see cref="TryAppend"/>): id assignment, growth, the budget check, or the cached mode.</summary>
    internal void Add(ref TxHeader header, ITransactionalObject obj)
    {
        long id = ObjectIds.Ensure(ref header);
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        if (!IsCached)
        {
            if (_count >= _appendBudget)
            {
                CheckDuplicates();
            }

            if (!IsCached)
            {
                _items[_count++].Object = obj;
                _appendUntil = AppendUntil();
                return;
            }
        }

        ref long slot = ref _cache[(int)id & _mask];
        if (slot == ~id)
        {
            return; // the check for duplicates just indexed it (the barrier probed before the switch)
        }

        _items[_count++].Object = obj;
        slot = ~id;
        if (_count >= _compactAt)
        {
            Reindex(); // the log outgrew the cache
        }
    }

    /// <summary>
    /// Whether this attempt has logged a read of the object with this header: exact, by a scan from the most recent
    /// entry (on a conflict path only; a setter's read of the object it is writing is the latest entry or close).
    /// </summary>
    internal readonly bool Holds(ref TxHeader header)
    {
        LoggedRead[] items = _items;
        for (int i = _count - 1; i >= 0; i--)
        {
            if (Unsafe.AreSame(ref items[i].Object.StmHeader, ref header))
            {
                return true;
            }
        }

        return false;
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
    /// The appending log spent its budget: remove duplicates. If at least a quarter were duplicates, the attempt
    /// re-reads what it has read, so switch to the cached mode (the cache now holds exactly the log); otherwise
    /// keep appending, with twice the budget, or four times if there were almost no duplicates (a large read set
    /// of distinct objects, such as a tree walk, then pays for few checks: each costs a pass over the log).
    /// </summary>
    private void CheckDuplicates()
    {
        int before = _count;
        Reindex();
        if (_count * 4 > before * 3)
        {
            _appendBudget *= _count * 16 > before * 15 ? 4 : 2;
            LeaveCachedMode();
        }
        else
        {
            _appendUntil = 1;
        }
    }

    /// <summary>
    /// Rebuilds the cache from the log, dropping duplicates, and enters the cached mode. The cache grows (up to its
    /// maximum) to twice the log, so that the log fits sparsely: then an object logged twice lands on its own slot
    /// again and is dropped. Past the maximum, duplicates are removed exactly.
    /// </summary>
    private void Reindex()
    {
        int size = _cacheStorage.Length;
        while (size < _count * 2 && size < MaxCacheSize)
        {
            size *= 2;
        }

        if (size != _cacheStorage.Length)
        {
            _cacheStorage = new long[size];
        }
        else
        {
            Array.Clear(_cacheStorage);
        }

        _cache = _cacheStorage;
        _mask = size - 1;
        int kept = _count * 2 <= size ? DropDuplicatesBySlot() : DropDuplicatesExactly();
        Array.Clear(_items, kept, _count - kept);
        _count = kept;
        _compactAt = size < MaxCacheSize ? size : Math.Max(size, kept * 2);
    }

    private int DropDuplicatesBySlot()
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            ITransactionalObject item = _items[i].Object;
            long id = IdOf(item);
            ref long slot = ref _cache[(int)id & _mask];
            if (slot != ~id)
            {
                slot = ~id;
                _items[kept++].Object = item;
            }
        }

        return kept;
    }

    private int DropDuplicatesExactly()
    {
        var seen = new HashSet<long>(_count);
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            ITransactionalObject item = _items[i].Object;
            long id = IdOf(item);
            if (seen.Add(id))
            {
                _items[kept++].Object = item;
                _cache[(int)id & _mask] = ~id;
            }
        }

        return kept;
    }

    /// <summary>The id of a logged object, assigned now if it has none (appended entries may not have one yet).</summary>
    private static long IdOf(ITransactionalObject item) => ObjectIds.Ensure(ref item.StmHeader);

    /// <summary>
    /// Forgets every read (end of attempt) and returns to the appending mode. The arrays keep their size, so a
    /// segment that runs large transactions does not regrow them each time; after a long run of small
    /// transactions they shrink.
    /// </summary>
    internal void Clear()
    {
        bool wasCached = IsCached;
        if (wasCached)
        {
            if (_count * 16 >= _cache.Length)
            {
                Array.Clear(_cache);
            }
            else
            {
                for (int i = 0; i < _count; i++)
                {
                    _cache[(int)IdOf(_items[i].Object) & _mask] = 0;
                }
            }
        }

        if (_count > 64)
        {
            Array.Clear(_items, 0, _count);
        }
        else
        {
            for (int i = 0; i < _count; i++)
            {
                _items[i].Object = null!; // short logs: a loop is cheaper than the call
            }
        }

        bool shrunk = false;
        if (_count * 16 < _items.Length && _items.Length > 64)
        {
            if (++_smallRuns == 64)
            {
                // Many transactions in a row used a sixteenth of the arrays: give the memory back.
                _items = new LoggedRead[64];
                _cacheStorage = new long[InitialCacheSize];
                _smallRuns = 0;
                shrunk = true;
            }
        }
        else
        {
            _smallRuns = 0;
        }

        _count = 0;
        _lastAppended[0] = 0;
        if (wasCached || shrunk || _appendBudget != InitialAppendBudget)
        {
            _appendBudget = InitialAppendBudget;
            EnterAppendingMode();
        }

        // Otherwise the attempt appended within its first budget: the appending mode's fields are as it found them
        // (Add and LimitAppends keep the append bound current), and re-entering it would store a reference (a GC
        // write barrier) on every transaction.
    }

    /// <summary>Back to appending after a check found few duplicates; the cache storage is kept, empty, for later.</summary>
    private void LeaveCachedMode()
    {
        Array.Clear(_cacheStorage);
        EnterAppendingMode();
    }

    private void EnterAppendingMode()
    {
        _cache = _lastAppended;
        _mask = 0;
        _appendUntil = AppendUntil();
        _compactAt = int.MaxValue;
    }

    /// <summary>Whether <see cref="LimitAppends"/> set a limit (the segment lifts it for attempts that log on).</summary>
    internal readonly bool AppendsLimited => _appendLimit != int.MaxValue;

    private readonly int AppendUntil() => Math.Min(Math.Min(_appendBudget, _items.Length), _appendLimit);

    /// <summary>
    /// Makes <see cref="TryAppend"/> fail once the log holds <paramref name="limit"/> entries, so that the barrier's
    /// slow path sees that moment (where an attempt may stop logging, see <see cref="SnapshotReads"/>); int.MaxValue
    /// for none. The limit outlives <see cref="Clear"/>: the segment sets it once, lifts it within an attempt that
    /// logs on, and restores it at the next attempt's start. Only in the appending mode (the cached mode comes later).
    /// </summary>
    internal void LimitAppends(int limit)
    {
        _appendLimit = limit;
        if (!IsCached)
        {
            _appendUntil = AppendUntil();
        }
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

    private struct LoggedRead
    {
        public ITransactionalObject Object;
    }
}
