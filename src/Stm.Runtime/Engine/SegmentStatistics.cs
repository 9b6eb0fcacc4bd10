namespace Stm.Engine;

/// <summary>
/// Counters of one segment, written only by the thread bound to it (no shared cache line on the hot path)
/// and summed over all segments when <see cref="Atomic.Statistics"/> is read.
/// </summary>
internal sealed class SegmentStatistics
{
    internal long Commits;
    internal long WriteWriteAborts;
    internal long ReadWriteAborts;
    internal long Retries;
    internal long InevitableTransactions;
    internal long MillisecondsLostInAborts;
    internal long UserExceptionRollbacks;
}
