using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: money is conserved. Accounts are in groups of 64 and transfers stay inside a group, so every group's sum
/// is constant, and so is the total; a cross-group shuffle moves money between groups and back within one transaction.
/// Checked inside transactions (a full auditor reading every account, a group auditor reading a group, twice around
/// its own write), by short-lived churn threads, and at the end. The auditors' long read sets cross the 32-read
/// snapshot threshold; some audits write (silently or not) at the end, so they must validate their snapshot.
/// </summary>
internal sealed class BankScenario : Scenario
{
    private const long Initial = 1000;
    private const int GroupSize = 64;

    public override string Name => "bank";

    public override string Invariant => "every group of 64 accounts keeps its sum (so the total too), seen inside transactions by auditors and at the end";

    public override string? WorkersMeaning => "transfer threads";

    public override string? SizeMeaning => "accounts";

    public override int DefaultSize => 16;

    public override bool UsesChurn => true;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int n = settings.Size;
        int groups = Math.Max(1, (n + GroupSize - 1) / GroupSize);
        var accounts = new Account[n];
        for (int i = 0; i < n; i++)
        {
            accounts[i] = new Account(i, Initial);
        }

        long total = Initial * n;
        long transfers = 0, audits = 0, groupAudits = 0, churnTransactions = 0, crossShuffles = 0;
        var threads = new List<Thread>();

        int GroupStart(int g) => g * GroupSize;
        int GroupLength(int g) => Math.Min(GroupSize, n - (g * GroupSize));

        void Transfer(Random r)
        {
            int g = r.Next(groups);
            int start = GroupStart(g), length = GroupLength(g);
            int a = start + r.Next(length), b = start + r.Next(length);
            long amount = r.Next(1, 50);
            int mode = r.Next(8);
            Atomic.Run(() =>
            {
                Account from = accounts[a], to = accounts[b];
                long fromBalance = from.Balance;
                if (mode == 0)
                {
                    // A larger read set: more to validate, more chances to see a concurrent commit.
                    for (int k = 0; k < length; k += 7)
                    {
                        _ = accounts[start + k].Balance;
                    }
                }

                from.Balance = fromBalance - amount;
                to.Balance += amount;
                if (mode == 1)
                {
                    // Writes the same objects again: the second write must land in the same private copy.
                    to.Balance -= 1;
                    from.Balance += 1;
                }
            });
            Interlocked.Increment(ref transfers);
        }

        // Breaks two group sums and restores them within one transaction: nobody may see the middle.
        void CrossShuffle(Random r)
        {
            int g1 = r.Next(groups), g2 = r.Next(groups);
            int a1 = GroupStart(g1) + r.Next(GroupLength(g1));
            int b1 = GroupStart(g1) + r.Next(GroupLength(g1));
            int a2 = GroupStart(g2) + r.Next(GroupLength(g2));
            long amount = r.Next(1, 10);
            Atomic.Run(() =>
            {
                accounts[a1].Balance -= amount;
                accounts[a2].Balance += amount;
                accounts[a2].Balance -= amount;
                accounts[b1].Balance += amount;
            });
            Interlocked.Increment(ref crossShuffles);
        }

        for (int w = 0; w < settings.Workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("worker" + w, () =>
            {
                var r = new Random((seed * 7919) + Environment.TickCount);
                while (!Harness.Stop)
                {
                    if (r.Next(10) == 0)
                    {
                        CrossShuffle(r);
                    }
                    else
                    {
                        Transfer(r);
                    }

                    if (r.Next(2000) == 0)
                    {
                        Thread.Sleep(r.Next(5));
                    }
                }
            }));
        }

        // Full auditor: a long read-only transaction that half the time ends with writes (so it must validate).
        threads.Add(Harness.Start("auditor", () =>
        {
            var r = new Random();
            while (!Harness.Stop)
            {
                bool write = r.Next(2) == 0;
                int x = r.Next(n), y = r.Next(n);
                long seen = Atomic.Run(() =>
                {
                    long sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        sum += accounts[i].Balance;
                    }

                    if (sum != total)
                    {
                        throw Harness.Fail($"auditor saw total {sum} != {total} (inside a transaction)");
                    }

                    if (write)
                    {
                        // Silent overall (the same value again): a read, not a write, for the commit.
                        accounts[x].Balance -= 1;
                        accounts[x].Balance += 1;
                        accounts[y].Balance += 0;
                        if (x / GroupSize == y / GroupSize && x != y)
                        {
                            accounts[x].Balance -= 2;
                            accounts[y].Balance += 2;
                        }
                    }

                    return sum;
                });
                if (seen != total)
                {
                    Harness.Violation($"auditor committed total {seen} != {total}");
                }

                Interlocked.Increment(ref audits);
            }
        }));

        // Group auditor: 64 reads, past the snapshot threshold; re-sums after its own write.
        threads.Add(Harness.Start("group-auditor", () =>
        {
            var r = new Random();
            while (!Harness.Stop)
            {
                int g = r.Next(groups);
                int start = GroupStart(g), length = GroupLength(g);
                bool write = r.Next(3) == 0;
                Atomic.Run(() =>
                {
                    long sum = 0;
                    for (int i = 0; i < length; i++)
                    {
                        sum += accounts[start + i].Balance;
                    }

                    if (sum != Initial * length)
                    {
                        throw Harness.Fail($"group {g} sum {sum} != {Initial * length} (inside a transaction)");
                    }

                    if (write)
                    {
                        accounts[start].Balance -= 3;
                        accounts[start + length - 1].Balance += 3;
                    }

                    long again = 0;
                    for (int i = 0; i < length; i++)
                    {
                        again += accounts[start + i].Balance;
                    }

                    if (again != Initial * length)
                    {
                        throw Harness.Fail($"group {g} re-sum {again} != {Initial * length} (inside a transaction, after its own write)");
                    }
                });
                Interlocked.Increment(ref groupAudits);
            }
        }));

        if (settings.Churn)
        {
            threads.Add(Harness.Churn("churn-transfer", r =>
            {
                Transfer(r);
                Interlocked.Increment(ref churnTransactions);
            }, perThread: 300));
            threads.Add(Harness.Churn("churn-audit", r =>
            {
                int g = r.Next(groups);
                int start = GroupStart(g), length = GroupLength(g);
                long sum = Atomic.Run(() =>
                {
                    long s = 0;
                    for (int i = 0; i < length; i++)
                    {
                        s += accounts[start + i].Balance;
                    }

                    return s;
                });
                if (sum != Initial * length)
                {
                    Harness.Violation($"churn thread committed group {g} sum {sum} != {Initial * length}");
                }

                Interlocked.Increment(ref churnTransactions);
            }, perThread: 100));
        }

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(10));
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

        for (int g = 0; g < groups; g++)
        {
            long sum = 0;
            for (int i = 0; i < GroupLength(g); i++)
            {
                sum += accounts[GroupStart(g) + i].Balance;
            }

            if (sum != Initial * GroupLength(g))
            {
                Harness.Violation($"final group {g} sum {sum} != {Initial * GroupLength(g)}");
            }
        }

        return new ScenarioResult(
            transfers + crossShuffles + audits + groupAudits + churnTransactions,
            $"bank accounts={n} workers={settings.Workers} transfers={transfers} crossShuffles={crossShuffles} audits={audits} groupAudits={groupAudits} churnTransactions={churnTransactions}");
    }
}
