using System.Collections.Concurrent;
using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// Process-wide tally of aborts per conflicting property and kind, with the time they cost. Updated only on
/// the abort path, so a lock-free dictionary is cheap enough here.
/// </summary>
internal static class ConflictSites
{
    private static ConcurrentDictionary<(int Property, ConflictKind Kind), Counter> s_sites = new();

    internal static void Record(TransactionalProperty property, ConflictKind kind, long millisecondsLost)
    {
        Counter counter = s_sites.GetOrAdd((property.Index, kind), static _ => new Counter());
        Interlocked.Increment(ref counter.Count);
        Interlocked.Add(ref counter.Milliseconds, millisecondsLost);
    }

    internal static ConcurrentDictionary<(int Property, ConflictKind Kind), Counter> Current => Volatile.Read(ref s_sites);

    internal static void Reset() => Volatile.Write(ref s_sites, new ConcurrentDictionary<(int, ConflictKind), Counter>());

    internal sealed class Counter
    {
        internal long Count;
        internal long Milliseconds;
    }
}
