using System.Linq;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>The classic bank: random transfers between 64 accounts on more threads than cores.</summary>
public class BankTests
{
    private const int Threads = 4;
    private const int AccountCount = 64;
    private const int TransfersPerThread = 262_144; // 4 x 262,144 > 10^6 transfers
    private const long InitialBalance = 1_000;

    [Fact]
    public void Million_transfers_keep_the_total_exact_lose_no_commit_and_really_conflict()
    {
        Account[] accounts = Enumerable.Range(0, AccountCount).Select(i => new Account("a" + i, InitialBalance)).ToArray();
        long[] committedNet = new long[AccountCount]; // per-account sum of committed transfer amounts (from OnCommit)
        long successful = 0;
        StmStatistics before = Atomic.Statistics;

        TestThreads.Run(Threads, t =>
        {
            var rng = new System.Random(1234 + t);
            long mine = 0;
            for (int i = 0; i < TransfersPerThread; i++)
            {
                int from = rng.Next(AccountCount);
                int to = rng.Next(AccountCount);
                long amount = rng.Next(1, 50);
                Atomic.Run(() =>
                {
                    accounts[from].Balance -= amount;
                    accounts[to].Balance += amount;
                });
                Interlocked.Add(ref committedNet[from], -amount);
                Interlocked.Add(ref committedNet[to], amount);
                mine++;
            }

            Interlocked.Add(ref successful, mine);
        });

        StmStatistics delta = Atomic.Statistics.Since(before);
        long[] balances = Atomic.Run(() => accounts.Select(a => a.Balance).ToArray());

        Assert.Equal(AccountCount * InitialBalance, balances.Sum());

        // No lost commit and no phantom one: every account holds exactly its initial balance plus the transfers
        // that Run reported as done, and the runtime counted exactly one commit per transfer.
        for (int i = 0; i < AccountCount; i++)
        {
            Assert.Equal(InitialBalance + committedNet[i], balances[i]);
        }

        Assert.Equal((long)Threads * TransfersPerThread, successful);
        Assert.Equal(successful, delta.Commits);
        Assert.True(delta.Aborts > 0, $"expected real conflicts, got none ({delta})");
    }

    [Fact]
    public void Transfers_whose_body_swallows_every_exception_still_keep_the_total_exact()
    {
        // User code that catches everything also catches the runtime's conflict exception mid-transfer; the attempt
        // must still be rolled back and re-run, never committed half-done.
        Account[] accounts = Enumerable.Range(0, 8).Select(i => new Account("s" + i, InitialBalance)).ToArray();
        long swallowed = 0;
        StmStatistics before = Atomic.Statistics;

        TestThreads.Run(Threads, t =>
        {
            var rng = new System.Random(99 + t);
            for (int i = 0; i < 50_000; i++)
            {
                Account from = accounts[rng.Next(accounts.Length)];
                Account to = accounts[rng.Next(accounts.Length)];
                Atomic.Run(() =>
                {
                    try
                    {
                        from.Balance -= 1;
                        to.Balance += 1;
                    }
#pragma warning disable CA1031 // swallowing everything is the point of this test
                    catch (System.Exception)
#pragma warning restore CA1031
                    {
                        Interlocked.Increment(ref swallowed);
                    }
                });
            }
        });

        StmStatistics delta = Atomic.Statistics.Since(before);
        Assert.Equal(accounts.Length * InitialBalance, Atomic.Run(() => accounts.Sum(a => a.Balance)));
        Assert.Equal(Threads * 50_000L, delta.Commits);
        Assert.True(Interlocked.Read(ref swallowed) > 0, "no conflict was ever swallowed: the test exercised nothing");
    }
}
