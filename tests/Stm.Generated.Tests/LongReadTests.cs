using System;
using System.Linq;
using System.Threading;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

/// <summary>
/// A first attempt that reads more than a few dozen objects stops logging its reads, and from then on, until it first
/// writes, its reads of unchanged objects pass the read barrier after the version check alone. Through the generated
/// accessors: such an attempt must still read its own writes, and see one consistent state while others commit.
/// </summary>
public class LongReadTests
{
    private const int Accounts = 1_000;

    [Fact]
    public void A_long_walk_that_then_writes_reads_its_own_writes()
    {
        Account[] accounts = Open(balance: 10);
        (long own, long difference) = Atomic.Run(() =>
        {
            long before = accounts.Sum(account => account.Balance);
            accounts[10].Balance = -5;
            accounts[900].Balance += 3;
            long after = accounts.Sum(account => account.Balance);
            return (accounts[10].Balance, after - before);
        });

        Assert.Equal(-5, own);
        Assert.Equal(-15 + 3, difference);
        Assert.Equal(-5, accounts[10].Balance);
        Assert.Equal(13, accounts[900].Balance);
    }

    [Fact]
    public void Long_audits_and_rebalancing_walks_see_the_total_while_transfers_commit()
    {
        const long Balance = 100;
        const long Total = Accounts * Balance;
        Account[] accounts = Open(Balance);
        int stop = 0;
        long audits = 0;
        long rebalances = 0;
        string? failure = null;

        void Fail(string message) => Interlocked.CompareExchange(ref failure, message, null);

        // Short transfers: a few reads each, so they keep logging; they commit all the time.
        Thread[] transfers = Enumerable.Range(0, 2).Select(seed => new Thread(() =>
        {
            var random = new Random(seed);
            while (Volatile.Read(ref stop) == 0)
            {
                int from = random.Next(Accounts);
                int to = random.Next(Accounts);
                long amount = random.Next(1, 20);
                Atomic.Run(() =>
                {
                    accounts[from].Balance -= amount;
                    accounts[to].Balance += amount;
                });
            }
        })).ToArray();

        // Long walks: read-only audits, and walks that then move money and re-read what they wrote.
        Thread[] walkers = Enumerable.Range(0, 2).Select(kind => new Thread(() =>
        {
            for (int round = 0; round < 300 && failure is null; round++)
            {
                if (kind == 0)
                {
                    long sum = Atomic.Run(() => accounts.Sum(account => account.Balance));
                    if (sum != Total)
                    {
                        Fail($"audit summed {sum}, expected {Total}");
                    }

                    Interlocked.Increment(ref audits);
                }
                else
                {
                    int at = round % Accounts;
                    string? seen = Atomic.Run(() =>
                    {
                        long sum = accounts.Sum(account => account.Balance);
                        long moved = accounts[at].Balance;
                        accounts[at].Balance = 0;
                        accounts[(at + 1) % Accounts].Balance += moved;
                        long again = accounts.Sum(account => account.Balance);

                        // Checked on the attempt that commits (its result is the one returned), reported outside.
                        return accounts[at].Balance != 0 || again != sum
                            ? $"a walk read {accounts[at].Balance} after writing 0, or summed {again} after {sum}"
                            : null;
                    });
                    if (seen is not null)
                    {
                        Fail(seen);
                    }

                    Interlocked.Increment(ref rebalances);
                }
            }
        })).ToArray();

        foreach (Thread thread in transfers.Concat(walkers))
        {
            thread.Start();
        }

        foreach (Thread walker in walkers)
        {
            walker.Join();
        }

        Volatile.Write(ref stop, 1);
        foreach (Thread transfer in transfers)
        {
            transfer.Join();
        }

        Assert.Null(failure);
        Assert.Equal(300, audits);
        Assert.Equal(300, rebalances);
        Assert.Equal(Total, Atomic.Run(() => accounts.Sum(account => account.Balance)));
    }

    private static Account[] Open(long balance) =>
        Atomic.Run(() => Enumerable.Range(0, Accounts).Select(id => new Account(id, balance)).ToArray());
}
