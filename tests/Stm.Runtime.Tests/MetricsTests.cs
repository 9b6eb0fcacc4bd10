using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>The Stm meter; in the conflict report's collection, since ConflictAttributionTests resets the report its series come from.</summary>
[Collection(ConflictReportCollection.Name)]
public class MetricsTests
{
    [Fact]
    public void The_Stm_meter_publishes_commits_and_aborts_by_kind()
    {
        var accounts = Enumerable.Range(0, 4).Select(i => new Account("m" + i, 100)).ToArray();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                Atomic.Run(() => { accounts[i % 4].Balance -= 1; accounts[(i + t) % 4].Balance += 1; });
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Throws<System.InvalidOperationException>(() => Atomic.Run(() =>
        {
            accounts[0].Balance += 1;
            throw new System.InvalidOperationException("rolled back");
        }));
        StmStatistics expected = Atomic.Statistics;
        ConflictReport report = Atomic.ConflictReport;

        var observed = new Dictionary<string, long>();
        var instruments = new HashSet<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Stm")
            {
                instruments.Add(instrument.Name);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string key = instrument.Name + string.Concat(tags.ToArray().Select(t => "/" + t.Value));
            lock (observed)
            {
                observed[key] = value;
            }
        });
        var seconds = new Dictionary<string, double>();
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            string key = instrument.Name + string.Concat(tags.ToArray().Select(t => "/" + t.Value));
            lock (seconds)
            {
                seconds[key] = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Superset(
            new HashSet<string>
            {
                "stm.commits", "stm.aborts", "stm.retries", "stm.inevitable", "stm.time_lost", "stm.user_exception_rollbacks",
                "stm.conflicts", "stm.conflict_time_lost",
            },
            instruments);
        Assert.True(observed["stm.user_exception_rollbacks"] >= expected.UserExceptionRollbacks);
        Assert.True(expected.UserExceptionRollbacks > 0);
        Assert.True(seconds["stm.time_lost"] >= expected.TimeLostInAborts.TotalSeconds);

        // The conflict report's sites, by property and kind: this run's transfers conflict on Account.Balance.
        ConflictSite[] balance = report.Sites.Where(site => site.Property == "Account.Balance").ToArray();
        Assert.NotEmpty(balance);
        foreach (ConflictSite site in balance)
        {
            string key = "/Account.Balance/" + (site.Kind == ConflictKind.WriteWrite ? "write-write" : "read-write");
            Assert.True(observed["stm.conflicts" + key] >= site.Aborts, key);
            Assert.True(seconds["stm.conflict_time_lost" + key] >= site.TimeLost.TotalSeconds, key);
        }
        Assert.True(observed["stm.commits"] >= expected.Commits);
        Assert.True(observed["stm.aborts/write-write"] >= expected.WriteWriteAborts);
        Assert.True(observed["stm.aborts/read-write"] >= expected.ReadWriteAborts);
        Assert.True(observed["stm.aborts/write-write"] + observed["stm.aborts/read-write"] > 0, "the run should have produced conflicts");
    }
}

/// <summary>Tests that reset or read the process-wide conflict report: they must not run at the same time.</summary>
public static class ConflictReportCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "ConflictReport";
}
