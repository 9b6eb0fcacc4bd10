using System;
using System.Collections.Generic;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: a <see cref="TCounter"/> read sums its lock-free cells at one instant. Each flipper thread owns a counter
/// and alternates +1 / -1 add-only transactions, so every committed value is 0 or 1. With more threads than segments
/// (<c>segs=2</c>, 6 flippers) one thread's consecutive adds land in different segments' cells; a reader summing the
/// cells one by one could count the later add without the earlier one (-1). Found commit e5cdea9:
/// <c>cells 60 6 16 segs=2 intxonly</c>. By default one reader reads in transactions and one outside.
/// </summary>
internal sealed class CounterCellsScenario : Scenario
{
    public override string Name => "cells";

    public override string Invariant => "a TCounter flipped +1/-1 by add-only transactions only ever reads 0 or 1 (try segs=2 with 6 workers)";

    public override string? WorkersMeaning => "flipper threads (one counter each)";

    public override int DefaultWorkers => 6;

    public override IReadOnlyList<ScenarioFlag> Flags { get; } =
    [
        new("intxonly", "both readers read inside transactions"),
        new("outonly", "both readers read outside transactions"),
    ];

    public override string? CheckFlags(IReadOnlySet<string> flags) =>
        flags.Contains("intxonly") && flags.Contains("outonly") ? "intxonly and outonly exclude each other" : null;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int flippers = settings.Workers;
        var counters = new TCounter[flippers];
        for (int i = 0; i < flippers; i++)
        {
            counters[i] = new TCounter();
        }

        long flips = 0, reads = 0, badInside = 0, badOutside = 0;
        var threads = new List<Thread>();
        for (int f = 0; f < flippers; f++)
        {
            int k = f;
            threads.Add(Harness.Start("flipper" + f, () =>
            {
                while (!Harness.Stop)
                {
                    Atomic.Run(() => counters[k].Add(1));
                    Atomic.Run(() => counters[k].Add(-1));
                    Interlocked.Increment(ref flips);
                }
            }));
        }

        for (int reader = 0; reader < 2; reader++)
        {
            bool inTransaction = !settings.Has("outonly") && (reader == 0 || settings.Has("intxonly"));
            threads.Add(Harness.Start((inTransaction ? "inside-reader" : "outside-reader") + reader, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    int k = r.Next(flippers);
                    if (inTransaction)
                    {
                        Atomic.Run(() =>
                        {
                            // The only counter read of the transaction: nothing else re-checks it before the commit.
                            long v = counters[k].Value;
                            if (v is not (0 or 1))
                            {
                                Interlocked.Increment(ref badInside);
                                Harness.Violation($"counter {k} = {v} inside a transaction (committed values are 0 and 1)");
                            }
                        });
                    }
                    else
                    {
                        long v = counters[k].Value;
                        if (v is not (0 or 1))
                        {
                            Interlocked.Increment(ref badOutside);
                            Harness.Violation($"counter {k} = {v} outside a transaction (committed values are 0 and 1)");
                        }
                    }

                    Interlocked.Increment(ref reads);
                }
            }));
        }

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        for (int i = 0; i < flippers; i++)
        {
            long final = counters[i].Value;
            if (final != 0)
            {
                Harness.Violation($"final counter {i} = {final} != 0");
            }
        }

        return new ScenarioResult(
            (2 * flips) + reads,
            $"cells flippers={flippers} flips={flips} reads={reads} badInside={badInside} badOutside={badOutside}");
    }
}
