using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: <c>OnCommit</c> handlers run once, in registration order, after the commit, outside any transaction;
/// <c>OnAbort</c> handlers run once per rolled-back attempt; handlers of a rolled-back nested block or of a retried
/// <c>OrElse</c> alternative never run. Each transaction moves an amount between two cells and registers handlers at
/// every level; its ledger update is an <c>OnCommit</c> handler, so at the end the cells must equal the ledger. One
/// handler runs a transaction of its own (its own ledger must match too). Some transactions register an
/// <c>OnCommit</c> handler that throws (the exception propagates after the later handlers ran) or an <c>OnAbort</c>
/// handler that throws (the transaction is then not re-run).
/// </summary>
internal sealed class HandlersScenario : Scenario
{
    private const int CellCount = 8;

    public override string Name => "handlers";

    public override string Invariant => "OnCommit/OnAbort run exactly when and as often as they should, in order; handlers of rolled-back nested blocks and retried alternatives never run";

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        var cells = new Cell[CellCount];
        for (int i = 0; i < CellCount; i++)
        {
            cells[i] = new Cell();
        }

        var ledger = new long[CellCount];
        var side = new Cell(); // written by transactions run from OnCommit handlers
        long sideLedger = 0;
        long committedTransactions = 0, commitThrows = 0, abortThrows = 0, attemptsTotal = 0, abortHandlerRuns = 0;
        var threads = new List<Thread>();
        for (int w = 0; w < settings.Workers; w++)
        {
            threads.Add(Harness.Start("handlers" + w, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    int a = r.Next(CellCount), b = r.Next(CellCount);
                    long d = r.Next(1, 50);
                    int mode = r.Next(20); // 0: an OnCommit handler throws; 1: an OnAbort handler throws
                    bool yieldInside = r.Next(50) == 0;
                    var log = new List<string>();
                    int attempts = 0, abortsSeen = 0;
                    bool committed = false;
                    try
                    {
                        Atomic.Run(() =>
                        {
                            attempts++;
                            log.Clear();
                            Atomic.OnAbort(() =>
                            {
                                abortsSeen++;
                                log.Add("A0");
                            });
                            if (mode == 1)
                            {
                                Atomic.OnAbort(() => throw new HandlerException("abort"));
                            }

                            cells[a].V += d;
                            cells[b].V -= d;
                            Atomic.OnCommit(() => log.Add("C1"));

                            // A nested block that rolls back: its handlers are dropped.
                            try
                            {
                                Atomic.Run(() =>
                                {
                                    Atomic.OnCommit(() => Harness.Violation("OnCommit of a rolled-back nested block ran"));
                                    Atomic.OnAbort(() => Harness.Violation("OnAbort of a rolled-back nested block ran"));
                                    cells[a].V += 1000;
                                    throw new InvalidOperationException();
                                });
                            }
                            catch (InvalidOperationException)
                            {
                            }

                            // A nested block that commits into the parent: its handlers are kept, in order.
                            Atomic.Run(() => Atomic.OnCommit(() => log.Add("C2")));

                            // OrElse: the first alternative registers handlers, then retries: they are dropped.
                            Atomic.OrElse(() =>
                            {
                                Atomic.OnCommit(() => Harness.Violation("OnCommit of a retried OrElse alternative ran"));
                                Atomic.OnAbort(() => Harness.Violation("OnAbort of a retried OrElse alternative ran"));
                                _ = cells[a].V; // a read, so the alternative has something to wait on
                                Atomic.Retry();
                            }, () => Atomic.OnCommit(() => log.Add("C3")));

                            // Both alternatives of an inner OrElse retry; the outer second alternative succeeds.
                            Atomic.OrElse(() =>
                            {
                                Atomic.OrElse(() =>
                                {
                                    Atomic.OnCommit(() => Harness.Violation("OnCommit of a retried inner OrElse alternative (first) ran"));
                                    _ = cells[b].V;
                                    Atomic.Retry();
                                }, () =>
                                {
                                    Atomic.OnCommit(() => Harness.Violation("OnCommit of a retried inner OrElse alternative (second) ran"));
                                    Atomic.Retry();
                                });
                            }, () => Atomic.OnCommit(() => log.Add("C4")));

                            // A handler that runs a transaction of its own.
                            Atomic.OnCommit(() =>
                            {
                                if (Atomic.InTransaction)
                                {
                                    Harness.Violation("an OnCommit handler runs inside a transaction");
                                }

                                Atomic.Run(() =>
                                {
                                    side.V += 1;
                                    Atomic.OnCommit(() => Interlocked.Increment(ref sideLedger));
                                });
                                log.Add("C5");
                            });
                            if (mode == 0)
                            {
                                Atomic.OnCommit(() => throw new HandlerException("commit"));
                            }

                            Atomic.OnCommit(() =>
                            {
                                log.Add("C6");
                                committed = true;
                            });
                            Atomic.OnCommit(() =>
                            {
                                Interlocked.Add(ref ledger[a], d);
                                Interlocked.Add(ref ledger[b], -d);
                            });
                            if (yieldInside)
                            {
                                Thread.Yield(); // widens the window for conflicts
                            }
                        });
                        if (mode == 0)
                        {
                            Harness.Violation("a throwing OnCommit handler's exception did not propagate");
                        }
                    }
                    catch (HandlerException ex) when (ex.Message == "commit")
                    {
                        Interlocked.Increment(ref commitThrows);
                        if (!committed)
                        {
                            Harness.Violation("an OnCommit handler threw, and the handlers after it did not run");
                        }
                    }
                    catch (HandlerException)
                    {
                        Interlocked.Increment(ref abortThrows);
                        if (committed)
                        {
                            Harness.Violation("an OnAbort handler's exception surfaced from a committed transaction");
                        }
                    }

                    Interlocked.Add(ref attemptsTotal, attempts);
                    Interlocked.Add(ref abortHandlerRuns, abortsSeen);
                    if (committed)
                    {
                        string got = string.Join(",", log);
                        if (got != "C1,C2,C3,C4,C5,C6")
                        {
                            Harness.Violation($"commit handlers ran as {got}, expected C1,C2,C3,C4,C5,C6");
                        }

                        if (abortsSeen != attempts - 1)
                        {
                            Harness.Violation($"OnAbort ran {abortsSeen} times for {attempts} attempts of a committed transaction");
                        }

                        Interlocked.Increment(ref committedTransactions);
                    }
                    else
                    {
                        // Only a throwing OnAbort handler may stop a transaction, after its first rolled-back attempt.
                        if (mode != 1)
                        {
                            Harness.Violation("a transaction neither committed nor had a throwing OnAbort handler");
                        }

                        if (abortsSeen != attempts)
                        {
                            Harness.Violation($"uncommitted: OnAbort ran {abortsSeen} times for {attempts} attempts");
                        }

                        if (log.Count != 1 || log[0] != "A0")
                        {
                            Harness.Violation("uncommitted transaction's handler log: " + string.Join(",", log));
                        }
                    }
                }
            }));
        }

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        for (int i = 0; i < CellCount; i++)
        {
            if (cells[i].V != ledger[i])
            {
                Harness.Violation($"cell {i} = {cells[i].V}, its OnCommit ledger {ledger[i]}");
            }
        }

        if (side.V != sideLedger)
        {
            Harness.Violation($"side cell {side.V} != its ledger {sideLedger}");
        }

        return new ScenarioResult(
            committedTransactions + abortThrows,
            $"handlers workers={settings.Workers} committed={committedTransactions} commitThrows={commitThrows} abortThrows={abortThrows} attempts={attemptsTotal} onAbortRuns={abortHandlerRuns}");
    }

    /// <summary>Thrown by a handler on purpose.</summary>
    private sealed class HandlerException : Exception
    {
        public HandlerException()
        {
        }

        public HandlerException(string message)
            : base(message)
        {
        }

        public HandlerException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
