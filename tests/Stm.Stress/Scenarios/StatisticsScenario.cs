using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: <see cref="Atomic.Statistics"/> and <see cref="Atomic.ConflictReport"/> count what happened. Threads run
/// a mix (read-only, add-only, object writes, nested, <c>OrElse</c> with a retried alternative, user exceptions,
/// counter adds and reads) and count their own commits and user exceptions; a thread blocks in <c>Retry</c> on a flag
/// that another sets every 2 ms; every attempt registers an <c>OnAbort</c> handler. At the end: the commits delta
/// equals the threads' count, user-exception rollbacks equal the throws, the conflict report's total and its
/// read-write / write-write split equal the statistics', and <c>OnAbort</c> ran once per abort, retry and user
/// exception. Aborts attributed to properties the workload does not touch are printed as notes (attribution is best
/// effort: an unverifiable snapshot has no property).
/// </summary>
internal sealed class StatisticsScenario : Scenario
{
    private static readonly string[] s_expectedSites = ["Cell.V", "Box.A", "Box.B", "Box.Tag", "Box.Seq", "TCounter.Value"];

    public override string Name => "stats";

    public override string Invariant => "Statistics and ConflictReport agree with the threads' own counts (commits, user exceptions, aborts by kind, OnAbort runs)";

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        var cells = new Cell[6];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = new Cell();
        }

        var boxes = new Box[3];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = new Box();
        }

        var counter = new TCounter();
        var flag = new Cell();
        Atomic.Run(() => cells[0].V = 0); // the runtime's first transaction, before the baseline
        Atomic.ResetConflictReport();
        StmStatistics before = Atomic.Statistics;
        long commits = 0, userThrows = 0, abortHandlerRuns = 0, flagSets = 0;
        var threads = new List<Thread>();
        for (int w = 0; w < settings.Workers; w++)
        {
            threads.Add(Harness.Start("stats" + w, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    int kind = r.Next(10);
                    int i = r.Next(cells.Length), j = r.Next(cells.Length), k = r.Next(boxes.Length);
                    bool userThrow = r.Next(10) == 0;
                    try
                    {
                        Atomic.Run(() =>
                        {
                            Atomic.OnAbort(() => Interlocked.Increment(ref abortHandlerRuns));
                            switch (kind)
                            {
                                case 0:
                                    _ = cells.Sum(c => c.V); // read-only
                                    break;
                                case 1:
                                    counter.Increment(); // add-only
                                    break;
                                case 2:
                                    boxes[k].A += 1;
                                    boxes[k].B -= 1;
                                    break;
                                case 3:
                                    cells[i].V += 1;
                                    cells[j].V -= 1;
                                    break;
                                case 4:
                                    Atomic.Run(() => cells[i].V++); // nested
                                    cells[j].V--;
                                    break;
                                case 5:
                                    // The first alternative always retries (the cells stay far above the bound).
                                    Atomic.OrElse(() =>
                                    {
                                        if (cells[i].V > -1_000_000_000)
                                        {
                                            Atomic.Retry();
                                        }
                                    }, () => boxes[k].Tag = "t" + j);
                                    break;
                                case 6:
                                    if (userThrow)
                                    {
                                        throw new ApplicationException("user");
                                    }

                                    cells[i].V += 0;
                                    break;
                                case 7:
                                    boxes[k].Seq++;
                                    counter.Add(2); // with an object write: applied under the commit lock
                                    break;
                                default:
                                    _ = counter.Value;
                                    cells[i].V += 1;
                                    cells[i].V -= 1;
                                    break;
                            }
                        });
                        Interlocked.Increment(ref commits);
                    }
                    catch (ApplicationException)
                    {
                        Interlocked.Increment(ref userThrows);
                    }
                }
            }));
        }

        threads.Add(Harness.Start("retrier", () =>
        {
            long seen = 0;
            while (!Harness.Stop)
            {
                long last = seen;
                seen = Atomic.Run(() =>
                {
                    Atomic.OnAbort(() => Interlocked.Increment(ref abortHandlerRuns));
                    long x = flag.V;
                    if (x == last)
                    {
                        Atomic.Retry();
                    }

                    return x;
                });
                Interlocked.Increment(ref commits);
            }
        }));

        threads.Add(Harness.Start("flag-setter", () =>
        {
            void SetFlag()
            {
                Atomic.Run(() =>
                {
                    Atomic.OnAbort(() => Interlocked.Increment(ref abortHandlerRuns));
                    flag.V++;
                });
                Interlocked.Increment(ref commits);
                Interlocked.Increment(ref flagSets);
            }

            while (!Harness.Stop)
            {
                Thread.Sleep(2);
                SetFlag();
            }

            SetFlag(); // a last wake-up, so the retrier sees the stop
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        StmStatistics delta = Atomic.Statistics.Since(before);
        ConflictReport report = Atomic.ConflictReport;
        Console.WriteLine($"statistics delta: {delta}");
        Console.WriteLine(report.ToString(20));
        if (delta.Commits != commits)
        {
            Harness.Violation($"Statistics.Commits grew by {delta.Commits}, the threads committed {commits} top-level transactions");
        }

        if (delta.UserExceptionRollbacks != userThrows)
        {
            Harness.Violation($"Statistics.UserExceptionRollbacks grew by {delta.UserExceptionRollbacks}, the threads saw {userThrows} user exceptions");
        }

        if (report.TotalAborts != delta.Aborts)
        {
            Harness.Violation($"ConflictReport.TotalAborts {report.TotalAborts} != Statistics.Aborts delta {delta.Aborts}");
        }

        long readWrite = report.Sites.Where(s => s.Kind == ConflictKind.ReadWrite).Sum(s => s.Aborts);
        long writeWrite = report.Sites.Where(s => s.Kind == ConflictKind.WriteWrite).Sum(s => s.Aborts);
        if (readWrite != delta.ReadWriteAborts || writeWrite != delta.WriteWriteAborts)
        {
            Harness.Violation($"ConflictReport read-write/write-write {readWrite}/{writeWrite} != Statistics {delta.ReadWriteAborts}/{delta.WriteWriteAborts}");
        }

        long expectedAbortHandlerRuns = delta.Aborts + delta.Retries + delta.UserExceptionRollbacks;
        if (abortHandlerRuns != expectedAbortHandlerRuns)
        {
            Harness.Violation($"OnAbort ran {abortHandlerRuns} times; aborts + retries + user exceptions = {expectedAbortHandlerRuns}");
        }

        foreach (ConflictSite site in report.Sites.Where(s => !s_expectedSites.Contains(s.Property)))
        {
            Console.WriteLine($"note: {site.Aborts} {site.Kind} aborts attributed to {site.Property}");
        }

        return new ScenarioResult(
            commits + userThrows,
            $"stats workers={settings.Workers} commits={commits} userThrows={userThrows} onAbortRuns={abortHandlerRuns} flagSets={flagSets}");
    }
}
