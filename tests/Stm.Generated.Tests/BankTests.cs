using System;
using System.Linq;
using System.Threading;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class BankTests
{
    private const int AccountCount = 64;
    private const long InitialBalance = 1_000;

    [Fact]
    public void Random_transfers_on_many_threads_keep_the_total_exact()
    {
        Account[] accounts = Enumerable.Range(0, AccountCount).Select(i => new Account(i, InitialBalance)).ToArray();
        StmStatistics before = Atomic.Statistics;
        const int threadCount = 4;
        const int transfersPerThread = 50_000;

        Thread[] threads = Enumerable.Range(0, threadCount).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            for (int i = 0; i < transfersPerThread; i++)
            {
                Account from = accounts[random.Next(AccountCount)];
                Account to = accounts[random.Next(AccountCount)];
                long amount = random.Next(1, 50);
                Atomic.Run(() =>
                {
                    if (from.Balance >= amount)
                    {
                        from.Balance -= amount;
                        to.Balance += amount;
                    }
                });
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        long total = Atomic.Run(() => accounts.Sum(a => a.Balance));
        Assert.Equal(AccountCount * InitialBalance, total);
        Assert.All(accounts, a => Assert.True(a.Balance >= 0, $"account {a.Id} went negative: {a.Balance}"));

        StmStatistics delta = Atomic.Statistics.Since(before);
        Assert.True(delta.Commits >= threadCount * transfersPerThread, $"commits: {delta.Commits}");
        Assert.True(delta.Aborts > 0, "64 accounts and 4 threads must conflict at least once");
        Assert.Contains(Atomic.ConflictReport.Sites, s => s.Property == "Account.Balance");
    }

    [Fact]
    public void Writes_outside_a_transaction_are_visible_inside_one()
    {
        var account = new Account(1, 10);
        account.Balance = 25;
        Assert.Equal(25, Atomic.Run(() => account.Balance));
        Assert.Equal(25, account.Balance);
    }
}
