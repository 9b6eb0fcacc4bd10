using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: closed nesting is exact. Cells come in pairs (2p, 2p+1) whose sum is 0 at every top-level boundary.
/// Each transaction writes pairs, runs a nested block that breaks pairs and throws (it must leave no trace, even two
/// levels deep, even on objects the transaction itself allocated), a nested block that commits into it, and
/// <c>OrElse</c> whose first alternative may write and retry (its writes must vanish); some transactions then throw
/// at the top. The deltas the transaction meant to apply are added to an expected array by <c>OnCommit</c>, so at the
/// end every cell must equal its expected value, and <c>OnCommit</c> must have run once per committed transaction.
/// </summary>
internal sealed class NestingScenario : Scenario
{
    public override string Name => "nesting";

    public override string Invariant => "rolled-back nested blocks and retried OrElse alternatives leave no trace; pair sums stay 0; cells equal the OnCommit-tracked deltas at the end";

    public override string? SizeMeaning => "cell pairs";

    public override int DefaultSize => 8;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int pairs = settings.Size;
        int n = pairs * 2;
        var cells = new Cell[n];
        for (int i = 0; i < n; i++)
        {
            cells[i] = new Cell();
        }

        var expected = new long[n];
        long transactions = 0, innerThrows = 0, orElseSeconds = 0, commitHandlerRuns = 0, abortHandlerRuns = 0, userThrows = 0, checks = 0;
        var threads = new List<Thread>();

        void CheckPairs(string where, params int[] which)
        {
            foreach (int p in which)
            {
                long a = cells[2 * p].V, b = cells[(2 * p) + 1].V;
                if (a + b != 0)
                {
                    throw Harness.Fail($"{where}: pair {p} = {a} + {b} != 0");
                }
            }
        }

        for (int w = 0; w < settings.Workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("nesting" + w, () =>
            {
                var r = new Random(seed + Environment.TickCount);
                while (!Harness.Stop)
                {
                    int p = r.Next(pairs), q = r.Next(pairs), s = r.Next(pairs);
                    int d1 = r.Next(1, 100), d2 = r.Next(1, 100), d3 = r.Next(1, 100);
                    int shape = r.Next(6);
                    bool topThrow = r.Next(25) == 0;
                    try
                    {
                        Atomic.Run(() =>
                        {
                            var delta = new long[n]; // what this attempt applies, for the expected values
                            void Add(int c, long d)
                            {
                                cells[c].V += d;
                                delta[c] += d;
                            }

                            CheckPairs("start", p, q, s);
                            Add(2 * p, d1);
                            Add((2 * p) + 1, -d1);

                            // A nested block writes pair p again and pair q, breaking both, and throws.
                            long pBefore = cells[2 * p].V, qBefore = cells[2 * q].V;
                            try
                            {
                                Atomic.Run(() =>
                                {
                                    cells[2 * p].V += 1000;
                                    cells[2 * q].V += 1000;
                                    var fresh = new Cell { V = 5 };
                                    fresh.V = 6;
                                    if (shape == 0)
                                    {
                                        // Depth 3: the innermost block commits into the middle one, which then throws.
                                        Atomic.Run(() =>
                                        {
                                            cells[(2 * q) + 1].V += 7;
                                            cells[2 * p].V += 3;
                                            fresh.V = 9;
                                        });
                                    }

                                    throw new InvalidOperationException("inner");
                                });
                            }
                            catch (InvalidOperationException)
                            {
                                Interlocked.Increment(ref innerThrows);
                            }

                            if (cells[2 * p].V != pBefore || cells[2 * q].V != qBefore)
                            {
                                throw Harness.Fail($"a nested rollback left p={cells[2 * p].V} (was {pBefore}) q={cells[2 * q].V} (was {qBefore})");
                            }

                            CheckPairs("after a nested rollback", p, q, s);

                            // A nested block that commits into this one.
                            Atomic.Run(() =>
                            {
                                Add(2 * q, d2);
                                Add((2 * q) + 1, -d2);
                                CheckPairs("inside a committing nested block", q);
                            });
                            CheckPairs("after a nested commit", p, q);

                            // OrElse: the first alternative unbalances pair s and, half the time, retries (its write must vanish).
                            bool firstRetries = (s + shape) % 2 == 0;
                            Atomic.OrElse(() =>
                            {
                                cells[2 * s].V += 500;
                                if (firstRetries)
                                {
                                    Atomic.Retry();
                                }

                                cells[(2 * s) + 1].V -= 500;
                                delta[2 * s] += 500;
                                delta[(2 * s) + 1] -= 500;
                            }, () =>
                            {
                                Interlocked.Increment(ref orElseSeconds);
                                Add(2 * s, d3);
                                Add((2 * s) + 1, -d3);
                            });
                            CheckPairs("after OrElse", p, q, s);

                            if (shape == 1)
                            {
                                // An OrElse whose first alternative is an OrElse where both alternatives write and retry.
                                Atomic.OrElse(() =>
                                {
                                    Atomic.OrElse(() =>
                                    {
                                        cells[2 * p].V += 1;
                                        Atomic.Retry();
                                    }, () =>
                                    {
                                        cells[2 * q].V += 1;
                                        Atomic.Retry();
                                    });
                                }, () =>
                                {
                                    Add(2 * p, 1);
                                    Add((2 * p) + 1, -1);
                                });
                                CheckPairs("after a nested OrElse", p, q);
                            }

                            if (shape == 2)
                            {
                                // An object allocated by this transaction, written by nested blocks that throw or commit.
                                var f = new Cell { V = 1 };
                                try
                                {
                                    Atomic.Run(() =>
                                    {
                                        f.V = 2;
                                        throw new InvalidOperationException();
                                    });
                                }
                                catch (InvalidOperationException)
                                {
                                }

                                if (f.V != 1)
                                {
                                    throw Harness.Fail($"fresh object after a nested rollback: {f.V}, expected 1");
                                }

                                Atomic.Run(() => f.V = 3);
                                if (f.V != 3)
                                {
                                    throw Harness.Fail($"fresh object after a nested commit: {f.V}, expected 3");
                                }

                                f.V = 4;
                                if (f.V != 4)
                                {
                                    throw Harness.Fail($"fresh object written after a nested commit: {f.V}, expected 4");
                                }
                            }

                            Atomic.OnCommit(() =>
                            {
                                Interlocked.Increment(ref commitHandlerRuns);
                                for (int c = 0; c < n; c++)
                                {
                                    if (delta[c] != 0)
                                    {
                                        Interlocked.Add(ref expected[c], delta[c]);
                                    }
                                }
                            });
                            Atomic.OnAbort(() => Interlocked.Increment(ref abortHandlerRuns));
                            if (topThrow)
                            {
                                throw new ArgumentException("top");
                            }
                        });
                        Interlocked.Increment(ref transactions);
                    }
                    catch (ArgumentException)
                    {
                        Interlocked.Increment(ref userThrows);
                    }
                }
            }));
        }

        threads.Add(Harness.Start("checker", () =>
        {
            while (!Harness.Stop)
            {
                Atomic.Run(() =>
                {
                    for (int p = 0; p < pairs; p++)
                    {
                        CheckPairs("checker", p);
                    }
                });
                checks++;
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        for (int c = 0; c < n; c++)
        {
            if (cells[c].V != expected[c])
            {
                Harness.Violation($"final cell {c} = {cells[c].V}, expected {expected[c]} (the sum of its committed deltas)");
            }
        }

        if (commitHandlerRuns != transactions)
        {
            Harness.Violation($"OnCommit ran {commitHandlerRuns} times for {transactions} committed transactions");
        }

        return new ScenarioResult(
            transactions + userThrows + checks,
            $"nesting pairs={pairs} workers={settings.Workers} transactions={transactions} innerThrows={innerThrows} orElseSeconds={orElseSeconds} onAbort={abortHandlerRuns} userThrows={userThrows} checks={checks}");
    }
}
