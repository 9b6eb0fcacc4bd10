using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: an inevitable transaction commits exactly once, and inevitability does not break anyone else's view.
/// Transfers among accounts (total constant), some becoming inevitable after a long read (snapshot mode) or after a
/// write, some throwing before or after becoming inevitable (rolled back). The code after
/// <see cref="Atomic.BecomeInevitable"/> stands for an irreversible effect: it must run exactly once per committed
/// inevitable transaction (an inevitable attempt is never aborted). Checked: totals inside transactions, the final
/// total, <c>OnCommit</c> once per commit, and the effect count.
/// </summary>
internal sealed class InevitableScenario : Scenario
{
    private const long Initial = 1000;

    public override string Name => "inevitable";

    public override string Invariant => "code after BecomeInevitable runs exactly once per committed inevitable transaction; totals stay exact";

    public override string? SizeMeaning => "accounts";

    public override int DefaultSize => 32;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int n = settings.Size;
        var accounts = new Account[n];
        for (int i = 0; i < n; i++)
        {
            accounts[i] = new Account(i, Initial);
        }

        long total = Initial * n;
        long committed = 0, commitHandlerRuns = 0, abortHandlerRuns = 0, thrown = 0, effects = 0, committedInevitable = 0, checks = 0;
        var threads = new List<Thread>();

        long Sum()
        {
            long sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += accounts[i].Balance;
            }

            return sum;
        }

        for (int w = 0; w < settings.Workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("inevitable" + w, () =>
            {
                var r = new Random(seed + Environment.TickCount);
                while (!Harness.Stop)
                {
                    int a = r.Next(n), b = r.Next(n);
                    int mode = r.Next(10);
                    long amount = r.Next(1, 100);
                    try
                    {
                        Atomic.Run(() =>
                        {
                            Atomic.OnCommit(() => Interlocked.Increment(ref commitHandlerRuns));
                            Atomic.OnAbort(() => Interlocked.Increment(ref abortHandlerRuns));
                            switch (mode)
                            {
                                case 0:
                                    // A long read (the first attempt stops logging reads), then inevitable, then write.
                                    long before = Sum();
                                    if (before != total)
                                    {
                                        throw Harness.Fail($"total {before} != {total} before BecomeInevitable");
                                    }

                                    Atomic.BecomeInevitable();
                                    Interlocked.Increment(ref effects); // the irreversible effect
                                    accounts[a].Balance -= amount;
                                    accounts[b].Balance += amount;
                                    long after = Sum();
                                    if (after != total)
                                    {
                                        throw Harness.Fail($"total {after} != {total} in an inevitable transaction after its transfer");
                                    }

                                    break;
                                case 1:
                                    accounts[a].Balance -= amount;
                                    Atomic.BecomeInevitable();
                                    Interlocked.Increment(ref effects);
                                    accounts[b].Balance += amount;
                                    break;
                                case 2:
                                    accounts[a].Balance -= amount;
                                    accounts[b].Balance += amount + 1;
                                    throw new ArgumentException("user");
                                case 3:
                                    accounts[a].Balance -= amount;
                                    Atomic.BecomeInevitable();
                                    accounts[b].Balance += amount + 1;
                                    throw new ArgumentException("user, after becoming inevitable");
                                default:
                                    accounts[a].Balance -= amount;
                                    accounts[b].Balance += amount;
                                    break;
                            }
                        });
                        Interlocked.Increment(ref committed);
                        if (mode is 0 or 1)
                        {
                            Interlocked.Increment(ref committedInevitable);
                        }
                    }
                    catch (ArgumentException)
                    {
                        Interlocked.Increment(ref thrown);
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
                    long sum = Sum();
                    if (sum != total)
                    {
                        throw Harness.Fail($"checker total {sum} != {total}");
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
        long final = Sum();
        if (final != total)
        {
            Harness.Violation($"final total {final} != {total}");
        }

        if (commitHandlerRuns != committed)
        {
            Harness.Violation($"OnCommit ran {commitHandlerRuns} times for {committed} commits");
        }

        if (effects != committedInevitable)
        {
            Harness.Violation($"the code after BecomeInevitable ran {effects} times for {committedInevitable} committed inevitable transactions (an inevitable attempt was rolled back)");
        }

        return new ScenarioResult(
            committed + thrown + checks,
            $"inevitable accounts={n} workers={settings.Workers} committed={committed} committedInevitable={committedInevitable} thrown={thrown} onAbort={abortHandlerRuns} checks={checks}");
    }
}
