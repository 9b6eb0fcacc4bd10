using System;
using System.Threading;
using Stm.Collections;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// Where transactions blocked in <see cref="Atomic.Retry"/> sleep until a commit changes something they
/// read. Committers pay one load when nobody waits; a waiter re-checks its read set under the gate's lock,
/// and commits pulse under the same lock after publishing, so no wake-up is lost.
/// </summary>
internal static class RetryGate
{
    private static readonly object s_gate = new();
    private static int s_waiters;

    internal static void NotifyCommitted()
    {
        if (Volatile.Read(ref s_waiters) != 0)
        {
            lock (s_gate)
            {
                Monitor.PulseAll(s_gate);
            }
        }
    }

    /// <summary>
    /// Blocks until one of <paramref name="reads"/> has a version newer than <paramref name="readVersion"/>, or
    /// one of <paramref name="counters"/> has received lock-free adds since it was read.
    /// </summary>
    internal static void WaitForChange(ITransactionalObject[] reads, (TCounter Counter, long Sum)[] counters, long readVersion)
    {
        Interlocked.Increment(ref s_waiters);
        try
        {
            lock (s_gate)
            {
                while (!AnyChanged(reads, readVersion) && CounterReadLog.FindChanged(counters) is null)
                {
                    // The timeout is only a safety net: wake-ups come from NotifyCommitted.
                    Monitor.Wait(s_gate, TimeSpan.FromSeconds(1));
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref s_waiters);
        }
    }

    private static bool AnyChanged(ITransactionalObject[] reads, long readVersion)
    {
        foreach (ITransactionalObject read in reads)
        {
            if (Volatile.Read(ref read.StmHeader.Version) > readVersion)
            {
                return true;
            }
        }

        return false;
    }
}
