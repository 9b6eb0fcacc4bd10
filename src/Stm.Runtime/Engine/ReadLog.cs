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
/// readonly and never copied): the barrier then reaches the probe through the segment directly, one dependent load
/// fewer per read (intset +4 %, trees +5 %).</para>
/// <para>The log has two modes within an attempt. It starts by <b>appending</b>: a first-read barrier adds the
/// object to the log with no check for duplicates beyond "is it the object appended last?". Reading objects
/// again appends them again, which is harmless (validation and waiting treat a duplicate like the original)
/// and bounded: when the log reaches its append budget it is de-duplicated, and if a large share were
/// duplicates it switches to the <b>cached</b> mode for the rest of the attempt; otherwise it keeps appending
/// with a larger budget. Most transactions read a few hundred distinct objects, once or a few times each, and
/// never leave the first mode.</para>
/// <para>In the cached mode a segment-private set of references (open addressing with linear probing, indexed by the
/// objects' identity hash codes, <see cref="RuntimeHelpers.GetHashCode(object)"/>, at most three quarters full) answers
/// "already recorded?" with no atomic and no shared write (c7's read marker, keyed by identity instead of an address,
/// which .NET's moving collector does not keep). A miss appends to the log, so the log holds each object once and its
/// memory follows the number of distinct objects read, not the number of reads. (A direct-mapped cache, where
/// colliding objects evict each other, kept ~15 times too many entries for 5,000 objects read over and over with
/// random hash codes: only consecutive ids made it exact.)</para>
/// <para>The barrier itself tests one reference, the <b>probe</b>: while appending, the object just read twice in a
/// row (set only then: storing every appended object there measured ~15 % slower on <c>intset</c>, whose reads never
/// repeat); in the cached mode, the object the cache last answered for. Anything else calls the log. An append is
/// then one reference store, and the end of an appending attempt clears only the log. Measured side by side against
/// an earlier log (always cached), the <c>intset</c> workload (hundreds of first reads per transaction) ran ~1.4x
/// faster on one thread.</para>
/// <para>The cache used to hold per-object ids from a header field, consecutive in first-read order so that a tree's
/// slots streamed through the processor's cache. The field made every object 8 bytes larger, and the cached mode is
/// rare: first attempts of long transactions stop logging (<see cref="SnapshotReads"/>), and most transactions never
/// leave the appending mode.</para>
/// </remarks>
internal struct ReadLog
{
    private const int InitialCacheSize = 256;

    /// <summary>Entries an attempt appends without de-duplication before the first check for duplicates.</summary>
    private const int InitialAppendBudget = 4096;

    /// <summary>The object the barrier finds logged without a call (see remarks), or null; always an object in the log.</summary>
    private object? _probe;

    /// <summary>The cache's size − 1 in the cached mode; 0 while appending (so also the mode flag, <see cref="IsCached"/>).</summary>
    private int _mask;
    private object?[] _cache = new object?[InitialCacheSize];
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
        EnterAppendingMode();
    }

    internal int Count => _count;

    /// <summary>Bytes used by the log and its cache (for the memory benchmark).</summary>
    internal long FootprintBytes => ((long)_items.Length + _cache.Length) * IntPtr.Size;

    /// <summary>Whether the log is in its cached mode (see remarks): for tests.</summary>
    internal readonly bool IsCached => _mask != 0;

    internal ITransactionalObject this[int index] => _items[index].Object;

    /// <summary>
    /// Whether the barrier may skip recording a read of <paramref name="obj"/>: it is the probe (see remarks), so it is
    /// logged. False is always safe (the log is asked, and logs the read if it must).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly bool Contains(object obj) => ReferenceEquals(_probe, obj);

    /// <summary>
    /// The common case of recording a read, small enough to inline: appending mode, not the attempt's first entry
    /// (which starts the attempt's clock), within budget and capacity.
    /// </summary>
    /// <returns><see langword="false"/> if the caller must take the slow path (<see cref="Add"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAppend(ITransactionalObject obj)
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
        // probe find it without calling here. (Only on a repeat: storing every appended object into the probe
        // measured ~15 % slower on intset, whose reads never repeat.)
        _probe = obj;
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
    /// The cached mode's common case, small enough to sit in the barrier's one out-of-line call: the object is in the
    /// cache, or the log has room and the cache needs no rebuild. Anything else is left to <see cref="Add"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryAddCached(ITransactionalObject obj)
    {
        if (!IsCached)
        {
            return false;
        }

        ref object? slot = ref SlotOf(obj);
        if (slot == obj)
        {
            _probe = obj; // a loop over its fields then finds it in the barrier
            return true;
        }

        int count = _count;
        LoggedRead[] items = _items;
        if ((uint)count >= (uint)items.Length || count >= _compactAt)
        {
            return false;
        }

        slot = obj;
        items[count].Object = obj;
        _count = count + 1;
        _probe = obj;
        return true;
    }

    /// <summary>Records a read (the slow path of <see cref="TryAppend"/>): growth, the budget check, or the cached mode.</summary>
    internal void Add(ITransactionalObject obj)
    {
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

        if (_count >= _compactAt)
        {
            Reindex(); // the log outgrew the cache
        }

        ref object? slot = ref SlotOf(obj);
        if (slot == obj)
        {
            return; // the check for duplicates just indexed it (the barrier probed before the switch)
        }

        _items[_count++].Object = obj;
        slot = obj;
    }

    /// <summary>
    /// The cache slot holding <paramref name="obj"/>, or the empty slot where it belongs (the cached mode; the cache is
    /// never full).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ref object? SlotOf(object obj)
    {
        ref object? slots = ref MemoryMarshal.GetArrayDataReference(_cache);
        int mask = _mask;
        int index = RuntimeHelpers.GetHashCode(obj) & mask;
        while (true)
        {
            ref object? slot = ref Unsafe.Add(ref slots, index);
            if (slot is null || slot == obj)
            {
                return ref slot;
            }

            index = (index + 1) & mask;
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
    /// Rebuilds the cache from the log, dropping duplicates, and enters the cached mode. The cache grows to at least
    /// twice the log, and is rebuilt when three quarters full.
    /// </summary>
    private void Reindex()
    {
        int size = _cache.Length;
        while (size < _count * 2)
        {
            size *= 2;
        }

        if (size != _cache.Length)
        {
            _cache = new object?[size];
        }
        else
        {
            Array.Clear(_cache);
        }

        _appendUntil = 1;
        _mask = size - 1; // (the cached mode)
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            ITransactionalObject item = _items[i].Object;
            ref object? slot = ref SlotOf(item);
            if (slot is null)
            {
                slot = item;
                _items[kept++].Object = item;
            }
        }

        Array.Clear(_items, kept, _count - kept);
        _count = kept;
        _compactAt = size - size / 4;
    }

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
                    ClearSlotOf(_items[i].Object);
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
                _cache = new object?[InitialCacheSize];
                _smallRuns = 0;
                shrunk = true;
            }
        }
        else
        {
            _smallRuns = 0;
        }

        _count = 0;
        _probe = null;
        if (wasCached || shrunk || _appendBudget != InitialAppendBudget)
        {
            _appendBudget = InitialAppendBudget;
            EnterAppendingMode();
        }

        // Otherwise the attempt appended within its first budget: the appending mode's fields are as it found them
        // (Add and LimitAppends keep the append bound current).
    }

    /// <summary>
    /// Empties the slot of a logged object while the cache is being cleared: scans from the object's home slot to the
    /// object itself (slots cleared before may interrupt its probe sequence, so <see cref="SlotOf"/> could stop short).
    /// </summary>
    private void ClearSlotOf(object obj)
    {
        int mask = _mask;
        int index = RuntimeHelpers.GetHashCode(obj) & mask;
        for (int scanned = 0; scanned <= mask; scanned++)
        {
            if (_cache[index] == obj)
            {
                _cache[index] = null;
                return;
            }

            index = (index + 1) & mask;
        }

        System.Diagnostics.Debug.Fail("every entry of a cached log is in the cache");
        Array.Clear(_cache);
    }

    /// <summary>Back to appending after a check found few duplicates; the cache storage is kept, empty, for later.</summary>
    private void LeaveCachedMode()
    {
        Array.Clear(_cache);
        EnterAppendingMode();
    }

    private void EnterAppendingMode()
    {
        _mask = 0; // (the appending mode)
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
