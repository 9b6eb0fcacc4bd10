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
        meter.CreateObservableCounter("stm.user_exception_rollbacks", () => StatisticsCollector.Snapshot().UserExceptionRollbacks, "{transaction}", "Transactions rolled back by an exception from the body");

        // The conflict report's figures, one series per site: which property conflicts, how, how often and at what cost.
        // A site is a property and a kind, so the series are bounded by the properties that ever conflict.
        // Atomic.ResetConflictReport starts them again from zero, as it does the report.
        meter.CreateObservableCounter("stm.conflicts", ObserveConflicts, "{attempt}", "Attempts aborted, by conflicting property (Type.Property) and kind");
        meter.CreateObservableCounter("stm.conflict_time_lost", ObserveConflictTime, "s", "Time spent in attempts later aborted, by conflicting property and kind");
        s_meter = meter;
    }

    private static IEnumerable<Measurement<long>> ObserveConflicts()
    {
        foreach (ConflictSite site in ConflictReport.Capture().Sites)
        {
            yield return new Measurement<long>(site.Aborts, SiteTags(site));
        }
    }

    private static IEnumerable<Measurement<double>> ObserveConflictTime()
    {
        foreach (ConflictSite site in ConflictReport.Capture().Sites)
        {
            yield return new Measurement<double>(site.TimeLost.TotalSeconds, SiteTags(site));
        }
    }

    private static KeyValuePair<string, object?>[] SiteTags(ConflictSite site) =>
    [
        new("property", site.Property),
        new("kind", site.Kind == ConflictKind.WriteWrite ? "write-write" : "read-write"),
    ];

    private static IEnumerable<Measurement<long>> ObserveAborts()
    {
        StmStatistics stats = StatisticsCollector.Snapshot();
        yield return new Measurement<long>(stats.WriteWriteAborts, new KeyValuePair<string, object?>("kind", "write-write"));
        yield return new Measurement<long>(stats.ReadWriteAborts, new KeyValuePair<string, object?>("kind", "read-write"));
    }
}
