using System;
using System.Threading;
using Stm.Collections;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// Where transactions blocked in <see cref="Atomic.Retry"/> sleep until a commit changes something they
/// read. Committers pay one load when nobody waits; a waiter registers, flushes every core's store buffer,
/// then re-checks its read set under the gate's lock, and commits pulse under the same lock after
/// publishing, so no wake-up is lost.
/// </summary>
internal static class RetryGate
{
    private static readonly object s_gate = new();
    private static int s_waiters;

    /// <summary>Who to tell when this thread waits (a worker pool that hands its place to another thread while it waits).</summary>
    [ThreadStatic]
    internal static IRetryWaitObserver? WaitObserver;

    /// <summary>How long a waiter sleeps before re-checking on its own (tests switch it off to catch lost wake-ups).</summary>
    internal static TimeSpan SafetyNet = TimeSpan.FromSeconds(1);

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

    /// <summary>Wakes every waiter to re-check its condition (a worker pool that failed: its waiters give up).</summary>
    internal static void WakeAll()
    {
        lock (s_gate)
        {
            Monitor.PulseAll(s_gate);
        }
    }

    /// <summary>
    /// Blocks until one of <paramref name="reads"/> has a version newer than <paramref name="readVersion"/>, or
    /// one of <paramref name="counters"/> has received lock-free adds since it was read.
    /// </summary>
    internal static void WaitForChange(ITransactionalObject[] reads, (TCounter Counter, long Sum)[] counters, long readVersion)
    {
        IRetryWaitObserver? observer = WaitObserver;
        if (observer is not null)
        {
            if (AnyChanged(reads, readVersion) || CounterReadLog.FindChanged(counters, wait: false) is not null)
            {
                return; // changed already: no wait, so no place to hand over (the check below would pass at once)
            }

            observer.Waiting();
        }

        Interlocked.Increment(ref s_waiters);

        // Committers publish with plain stores and then load s_waiters without a fence of their own (a fence per
        // commit would cost every transaction). This barrier makes every core's earlier stores visible: a committer
        // either loads s_waiters after it and sees this waiter, or published before it and the check below sees the
        // change (an asymmetric Dekker handshake; waiting is the rare side, so it pays).
        Interlocked.MemoryBarrierProcessWide();
        try
        {
            lock (s_gate)
            {
                while (!AnyChanged(reads, readVersion) && CounterReadLog.FindChanged(counters, wait: false) is null)
                {
                    if (observer is { Abandons: true })
                    {
                        throw new WaitAbandonedException(); // the pool failed: what this waits for may never come (WakeAll)
                    }

                    // The timeout is only a safety net: wake-ups come from NotifyCommitted (and WakeAll).
                    Monitor.Wait(s_gate, SafetyNet);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref s_waiters);
            observer?.Resumed();
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
