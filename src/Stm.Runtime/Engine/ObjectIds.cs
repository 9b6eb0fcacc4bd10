using System.Threading;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// Hands out the per-object hash ids the read-log cache is indexed by. Ids come from per-thread blocks
/// (no shared counter on the hot path) and are spread by a multiplicative hash so that objects allocated
/// one after another land in different cache slots.
/// </summary>
internal static class ObjectIds
{
    private const int BlockSize = 4096;
    private static int s_nextBlock;

    [System.ThreadStatic]
    private static int t_next;

    [System.ThreadStatic]
    private static int t_end;

    /// <summary>Returns the object's id, assigning one the first time (atomically, so it never changes).</summary>
    internal static int Ensure(ref TxHeader header)
    {
        int id = Volatile.Read(ref header.Id);
        if (id != 0)
        {
            return id;
        }

        if (t_next == t_end)
        {
            t_next = Interlocked.Add(ref s_nextBlock, BlockSize) - BlockSize;
            t_end = t_next + BlockSize;
        }

        int candidate = (int)((uint)(++t_next) * 0x9E3779B1u);
        if (candidate == 0)
        {
            candidate = 1;
        }

        int previous = Interlocked.CompareExchange(ref header.Id, candidate, 0);
        return previous == 0 ? candidate : previous;
    }
}
