using System;
using System.Collections.Generic;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: <see cref="TCounter"/> reads return committed values, whichever commit path the adds took (lock-free
/// for add-only transactions, under the commit lock when the transaction also writes an object). Counters: c1 + c2 = 0
/// (added together); <c>hits2</c> equals an object mirror updated in the same transactions; <c>pm</c> gets +1 with an
/// object write (locked) then -1 alone (lock-free), so it is always between 0 and the number of workers; outside
/// reads of <c>pm</c> (a dedicated reader too) must respect that bound. At the end every counter equals what the
/// threads counted. (A one-thread version of the <c>pm</c> check was the repro for commit 323db5d.)
/// </summary>
internal sealed class CounterScenario : Scenario
{
    public override string Name => "counter";

    public override string Invariant => "TCounter values read inside and outside transactions were committed (sums of counters added together, bounds, mirrors) and finals are exact";

    public override IReadOnlyList<ScenarioFlag> Flags { get; } =
    [
        new("nopm", "skip the outside-a-transaction bound check on pm (it failed before commit 323db5d)"),
    ];

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int workers = settings.Workers;
        bool checkOutsidePm = !settings.Has("nopm");
        var c1 = new TCounter();
        var c2 = new TCounter();
        var hits = new TCounter();
        var hits2 = new TCounter();
        var mirror = new Cell();
        var pm = new TCounter();
        var dummy = new Cell();
        long hitAdds = 0, pairs = 0, mixed = 0, reads = 0, pmRounds = 0, outsideReads = 0;
        var threads = new List<Thread>();
        for (int w = 0; w < workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("counter" + w, () =>
            {
                var r = new Random(seed + Environment.TickCount);
                while (!Harness.Stop)
                {
                    switch (r.Next(6))
                    {
                        case 0:
                            Atomic.Run(() => hits.Increment()); // add-only: lock-free
                            Interlocked.Increment(ref hitAdds);
                            break;
                        case 1:
                            Atomic.Run(() =>
                            {
                                c1.Add(3);
                                c2.Add(-3);
                            });
                            Interlocked.Increment(ref pairs);
                            break;
                        case 2:
                            Atomic.Run(() =>
                            {
                                long v = hits2.Value;
                                if (v != mirror.V)
                                {
                                    throw Harness.Fail($"hits2 {v} != mirror {mirror.V} (inside a transaction)");
                                }

                                hits2.Add(1);
                                mirror.V += 1;
                                if (hits2.Value != mirror.V)
                                {
                                    throw Harness.Fail($"own add not visible: hits2 {hits2.Value} != mirror {mirror.V}");
                                }
                            });
                            Interlocked.Increment(ref mixed);
                            break;
                        case 3:
                            Atomic.Run(() =>
                            {
                                pm.Add(1);
                                dummy.V += 1; // an object write: this add commits under the lock
                            });
                            Atomic.Run(() => pm.Add(-1)); // add-only: lock-free
                            Interlocked.Increment(ref pmRounds);
                            break;
                        case 4:
                            Atomic.Run(() =>
                            {
                                long a = c1.Value, b = c2.Value;
                                if (a + b != 0)
                                {
                                    throw Harness.Fail($"c1 + c2 = {a} + {b} != 0 (inside a transaction)");
                                }

                                long p = pm.Value;
                                if (p < 0 || p > workers)
                                {
                                    throw Harness.Fail($"pm = {p} inside a transaction, outside [0, {workers}]");
                                }

                                _ = hits.Value;
                                hits.Add(0);
                                dummy.V += 0;
                            });
                            Interlocked.Increment(ref reads);
                            break;
                        default:
                            long outside = pm.Value;
                            if (checkOutsidePm && (outside < 0 || outside > workers))
                            {
                                Harness.Violation($"pm = {outside} read outside a transaction, outside [0, {workers}]");
                            }

                            long sum = Atomic.Run(() => c1.Value + c2.Value);
                            if (sum != 0)
                            {
                                Harness.Violation($"c1 + c2 = {sum} committed");
                            }

                            Interlocked.Increment(ref reads);
                            break;
                    }
                }
            }));
        }

        threads.Add(Harness.Start("pm-reader", () =>
        {
            while (!Harness.Stop)
            {
                long outside = pm.Value;
                if (checkOutsidePm && (outside < 0 || outside > workers))
                {
                    Harness.Violation($"pm = {outside} read outside a transaction by the dedicated reader, outside [0, {workers}]");
                }

                outsideReads++;
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        if (hits.Value != hitAdds)
        {
            Harness.Violation($"final hits {hits.Value} != {hitAdds} adds");
        }

        if (c1.Value != 3 * pairs || c2.Value != -3 * pairs)
        {
            Harness.Violation($"final c1 {c1.Value} c2 {c2.Value} for {pairs} pairs of adds");
        }

        if (hits2.Value != mixed || mirror.V != mixed)
        {
            Harness.Violation($"final hits2 {hits2.Value} mirror {mirror.V} for {mixed} mixed transactions");
        }

        if (pm.Value != 0)
        {
            Harness.Violation($"final pm {pm.Value} != 0");
        }

        return new ScenarioResult(
            hitAdds + pairs + mixed + (2 * pmRounds) + reads,
            $"counter workers={workers} hits={hitAdds} pairs={pairs} mixed={mixed} pmRounds={pmRounds} reads={reads} pmOutsideReads={outsideReads}");
    }
}
