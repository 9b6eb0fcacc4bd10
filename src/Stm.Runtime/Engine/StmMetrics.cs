using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Stm.Engine;

/// <summary>
/// Publishes the runtime's counters through a <see cref="Meter"/> named <c>Stm</c>, so
/// <c>dotnet-counters monitor --counters Stm</c> shows them live.
/// </summary>
internal static class StmMetrics
{
    /// <summary>The meter's name.</summary>
    internal const string MeterName = "Stm";

    private static Meter? s_meter;

    internal static void EnsureCreated()
    {
        if (s_meter is not null)
        {
            return;
        }

        var meter = new Meter(MeterName, typeof(StmMetrics).Assembly.GetName().Version?.ToString());
        meter.CreateObservableCounter("stm.commits", () => StatisticsCollector.Snapshot().Commits, "{transaction}", "Top-level transactions committed");
        meter.CreateObservableCounter("stm.aborts", ObserveAborts, "{attempt}", "Attempts aborted by conflicts, by kind");
        meter.CreateObservableCounter("stm.retries", () => StatisticsCollector.Snapshot().Retries, "{attempt}", "Attempts blocked in Atomic.Retry");
        meter.CreateObservableCounter("stm.inevitable", () => StatisticsCollector.Snapshot().InevitableTransactions, "{transaction}", "Transactions that became inevitable");
        meter.CreateObservableCounter("stm.time_lost", () => StatisticsCollector.Snapshot().TimeLostInAborts.TotalSeconds, "s", "Time spent in attempts later aborted");
        s_meter = meter;
    }

    private static IEnumerable<Measurement<long>> ObserveAborts()
    {
        StmStatistics stats = StatisticsCollector.Snapshot();
        yield return new Measurement<long>(stats.WriteWriteAborts, new KeyValuePair<string, object?>("kind", "write-write"));
        yield return new Measurement<long>(stats.ReadWriteAborts, new KeyValuePair<string, object?>("kind", "read-write"));
    }
}
