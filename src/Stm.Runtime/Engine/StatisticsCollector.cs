using System;
using System.Threading;

namespace Stm.Engine;

/// <summary>Sums the per-segment counters into a <see cref="StmStatistics"/> snapshot.</summary>
internal static class StatisticsCollector
{
    internal static StmStatistics Snapshot()
    {
        if (!SegmentPool.IsInitialized)
        {
            return new StmStatistics();
        }

        long commits = 0, ww = 0, rw = 0, retries = 0, inevitable = 0, milliseconds = 0, user = 0;
        foreach (Segment segment in SegmentPool.All)
        {
            SegmentStatistics s = segment.Statistics;
            commits += Volatile.Read(ref s.Commits);
            ww += Volatile.Read(ref s.WriteWriteAborts);
            rw += Volatile.Read(ref s.ReadWriteAborts);
            retries += Volatile.Read(ref s.Retries);
            inevitable += Volatile.Read(ref s.InevitableTransactions);
            milliseconds += Volatile.Read(ref s.MillisecondsLostInAborts);
            user += Volatile.Read(ref s.UserExceptionRollbacks);
        }

        return new StmStatistics
        {
            Commits = commits,
            WriteWriteAborts = ww,
            ReadWriteAborts = rw,
            Retries = retries,
            InevitableTransactions = inevitable,
            UserExceptionRollbacks = user,
            TimeLostInAborts = TimeSpan.FromMilliseconds(milliseconds),
        };
    }
}
