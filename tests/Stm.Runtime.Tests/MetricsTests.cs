using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

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
        StmStatistics expected = Atomic.Statistics;

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
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Superset(new HashSet<string> { "stm.commits", "stm.aborts", "stm.retries", "stm.inevitable", "stm.time_lost" }, instruments);
        Assert.True(observed["stm.commits"] >= expected.Commits);
        Assert.True(observed["stm.aborts/write-write"] >= expected.WriteWriteAborts);
        Assert.True(observed["stm.aborts/read-write"] >= expected.ReadWriteAborts);
        Assert.True(observed["stm.aborts/write-write"] + observed["stm.aborts/read-write"] > 0, "the run should have produced conflicts");
    }
}
