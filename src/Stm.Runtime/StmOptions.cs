using System;
using System.Threading;
using Stm.Engine;

namespace Stm;

/// <summary>Process-wide tuning of the Stm runtime. Set before the first transaction runs.</summary>
public static class StmOptions
{
    private static int s_segmentCount = Math.Clamp(Environment.ProcessorCount * 2, 4, 1024);
    private static int s_inevitableAfter = 10;
    private static bool s_frozen;

    /// <summary>
    /// How many transactions can run at once (the number of segments; default twice the processor count,
    /// at least 4, at most 1024). Threads beyond it wait for a free segment. Fixed once the first
    /// transaction has run.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 1 and 1024.</exception>
    /// <exception cref="InvalidOperationException">A transaction has already run.</exception>
    public static int SegmentCount
    {
        get => Volatile.Read(ref s_segmentCount);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024);
            if (Volatile.Read(ref s_frozen))
            {
                throw new InvalidOperationException("StmOptions.SegmentCount can only be set before the first transaction runs.");
            }

            Volatile.Write(ref s_segmentCount, value);
        }
    }

    /// <summary>
    /// After this many conflicts in a row, a transaction's next attempt runs inevitable (alone among
    /// committers), so a long transaction amid many short conflicting ones still finishes. Default 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int InevitableAfterConflicts
    {
        get => Volatile.Read(ref s_inevitableAfter);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref s_inevitableAfter, value);
        }
    }

    internal static int FreezeSegmentCount()
    {
        Volatile.Write(ref s_frozen, true);
        return SegmentCount;
    }

}
