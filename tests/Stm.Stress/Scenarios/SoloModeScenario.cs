using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: solo mode (a thread running transactions alone takes its locks without locked instructions) is entered
/// and revoked without losing or exposing anything. One steady thread would hold the mode; bursty threads (and churn
/// threads) keep revoking it; idle threads lose their reserved segment to the copy trimmer after full collections;
/// the mode's intervals are shortened by reflection so all of this happens thousands of times a second. Each transfer
/// re-reads what it read and wrote (and an outside-written ticker) and must see its own view; audits must see the
/// total; the final total must be exact.
/// </summary>
internal sealed class SoloModeScenario : Scenario
{
    private const long Initial = 100;

    public override string Name => "solo";

    public override string Invariant => "with solo mode entered and revoked constantly, transfers re-read consistently, audits see the total, the final total is exact";

    public override string? WorkersMeaning => "bursty threads (besides the steady one)";

    public override string? SizeMeaning => "accounts";

    public override int DefaultSize => 64;

    public override bool UsesChurn => true;

    public override IReadOnlyList<ScenarioFlag> Flags { get; } =
    [
        new("long", "keep the runtime's normal solo-mode and pool-pressure intervals (no reflection)"),
    ];

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        if (!settings.Has("long"))
        {
            RuntimeKnobs.ShortenSoloModeIntervals();
        }

        int n = settings.Size;
        var accounts = new Account[n];
        for (int i = 0; i < n; i++)
        {
            accounts[i] = new Account(i, Initial);
        }

        long total = Initial * n;
        long transfers = 0, audits = 0, tickerWrites = 0;
        var ticker = new Account(-1, 0); // written outside transactions only
        var threads = new List<Thread>();

        void Transfer(Random r)
        {
            int a = r.Next(n), b = r.Next(n), c = r.Next(n);
            long amount = r.Next(1, 20);
            Atomic.Run(() =>
            {
                long tick = ticker.Balance;
                long x = accounts[a].Balance, y = accounts[b].Balance, z = accounts[c].Balance;
                accounts[a].Balance = x - amount;
                if (ticker.Balance != tick)
                {
                    throw Harness.Fail($"the ticker changed within a transaction: {tick} then {ticker.Balance}");
                }

                accounts[b].Balance += amount;

                // What c must read now: this transaction's own writes if c is a or b, else what it read.
                long bAfter = (b == a ? x - amount : y) + amount;
                long expected = c == b ? bAfter : c == a ? x - amount : z;
                long actual = accounts[c].Balance;
                if (actual != expected)
                {
                    throw Harness.Fail($"re-read of account {c} returned {actual}, expected {expected} (a={a} b={b})");
                }
            });
            Interlocked.Increment(ref transfers);
        }

        void Audit()
        {
            Atomic.Run(() =>
            {
                long sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += accounts[i].Balance;
                }

                if (sum != total)
                {
                    throw Harness.Fail($"audit total {sum} != {total}");
                }
            });
            Interlocked.Increment(ref audits);
        }

        // The would-be solo holder: runs all the time, pauses rarely.
        threads.Add(Harness.Start("steady", () =>
        {
            var r = new Random();
            while (!Harness.Stop)
            {
                Transfer(r);
                if (r.Next(5000) == 0)
                {
                    Thread.Sleep(r.Next(15));
                }
            }
        }));

        // Bursts after pauses (each burst revokes the mode); the long pauses let the trimmer take idle segments.
        for (int i = 0; i < settings.Workers; i++)
        {
            int k = i;
            threads.Add(Harness.Start("burst" + i, () =>
            {
                var r = new Random(k + Environment.TickCount);
                while (!Harness.Stop)
                {
                    int burst = r.Next(1, 30);
                    for (int j = 0; j < burst; j++)
                    {
                        if (r.Next(10) == 0)
                        {
                            Audit();
                        }
                        else
                        {
                            Transfer(r);
                        }
                    }

                    int pause = r.Next(100);
                    Thread.Sleep(pause < 60 ? r.Next(3) : pause < 95 ? r.Next(5, 25) : r.Next(50, 120));
                }
            }));
        }

        if (settings.Churn)
        {
            threads.Add(Harness.Churn("churn", r =>
            {
                if (r.Next(5) == 0)
                {
                    Audit();
                }
                else
                {
                    Transfer(r);
                }
            }, perThread: 50));
        }

        threads.Add(Harness.Start("outside", () =>
        {
            var r = new Random();
            long t = 0;
            while (!Harness.Stop)
            {
                ticker.Balance = ++t;             // a single-write transaction of its own
                _ = accounts[r.Next(n)].Balance;  // an outside read
                tickerWrites++;
                if (r.Next(100) == 0)
                {
                    Thread.Sleep(r.Next(2));
                }
            }
        }));

        if (settings.Gc)
        {
            // Full collections, finalizers waited for: each one triggers the copy trimmer.
            threads.Add(Harness.Start("gc-full", () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                    GC.WaitForPendingFinalizers();
                    Thread.Sleep(r.Next(1, 8));
                }
            }));
        }

        Harness.RunFor(settings.Seconds, threads);
        long final = 0;
        for (int i = 0; i < n; i++)
        {
            final += accounts[i].Balance;
        }

        if (final != total)
        {
            Harness.Violation($"final total {final} != {total}");
        }

        if (ticker.Balance != tickerWrites)
        {
            Harness.Violation($"final ticker {ticker.Balance} != {tickerWrites} outside writes");
        }

        return new ScenarioResult(
            transfers + audits + tickerWrites,
            $"solo accounts={n} bursty={settings.Workers} transfers={transfers} audits={audits} tickerWrites={tickerWrites} revocations={RuntimeKnobs.SoloRevocations} trims={RuntimeKnobs.CopyTrims}");
    }
}
