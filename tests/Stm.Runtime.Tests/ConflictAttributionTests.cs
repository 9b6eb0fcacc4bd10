using System;
using System.Linq;
using System.Threading;
using Stm.Collections;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>Every abort is attributed to the <c>Type.Property</c> it happened on (<see cref="Atomic.ConflictReport"/>).</summary>
[Collection(ConflictReportCollection.Name)]
public class ConflictAttributionTests
{
    [Fact]
    public void A_younger_writer_losing_a_write_write_conflict_is_reported_on_Account_Balance()
    {
        var account = new Account("a", 100);
        var unrelated = new Cell(0);
        using var ownsIt = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Atomic.ResetConflictReport();
        StmStatistics before = Atomic.Statistics;

        // The older transaction takes the account's write lock and holds it until the younger one has lost.
        Action joinOlder = TestThreads.Start(() => Atomic.Run(() =>
        {
            account.Balance += 1;
            ownsIt.Set();
            release.Wait();
        }));
        ownsIt.Wait();
        unrelated.Value = 1; // a commit in between, so the next transaction is strictly younger

        Action joinYounger = TestThreads.Start(() => Atomic.Run(() => account.Balance += 10));
        RetryTests.WaitUntil(() => Atomic.Statistics.Since(before).WriteWriteAborts > 0);
        release.Set();
        joinOlder();
        joinYounger();

        Assert.Equal(111, account.Balance);
        ConflictSite site = Assert.Single(Atomic.ConflictReport.Sites);
        Assert.Equal("Account.Balance", site.Property);
        Assert.Equal(typeof(Account), site.DeclaringType);
        Assert.Equal(ConflictKind.WriteWrite, site.Kind);
        Assert.True(site.Aborts >= 1);
        Assert.Contains("Account.Balance", Atomic.ConflictReport.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_of_a_counter_that_a_writing_commit_added_to_is_reported_on_TCounter_Value()
    {
        var counter = new TCounter();
        var mine = new Cell(0);
        var theirs = new Cell(0);
        using var readIt = new ManualResetEventSlim();
        using var added = new ManualResetEventSlim();
        int attempts = 0;
        Atomic.ResetConflictReport();

        // The adder also writes an object, so its add is applied under the commit lock and moves the counter's version.
        Action joinAdder = TestThreads.Start(() =>
        {
            readIt.Wait();
            Atomic.Run(() =>
            {
                counter.Add(1);
                theirs.Value += 1;
            });
            added.Set();
        });
        Atomic.Run(() =>
        {
            long seen = counter.Value;
            if (++attempts == 1)
            {
                readIt.Set();
                added.Wait();
            }

            mine.Value = seen + 1; // the commit finds the counter newer than what this attempt read
        });
        joinAdder();

        Assert.Equal(2, attempts);
        Assert.Equal(2, mine.Value);
        ConflictSite site = Assert.Single(Atomic.ConflictReport.Sites);
        Assert.Equal("TCounter.Value", site.Property);
        Assert.Equal(typeof(TCounter), site.DeclaringType);
        Assert.Equal(ConflictKind.ReadWrite, site.Kind);
    }

    [Fact]
    public void A_younger_owner_pushed_out_by_an_older_writer_is_reported_on_the_property_it_was_pushed_out_of()
    {
        var account = new Account("a", 100);
        var other = new Cell(0);
        var unrelated = new Cell(0);
        using var olderStarted = new ManualResetEventSlim();
        using var youngerOwns = new ManualResetEventSlim();
        int attempts = 0;
        Atomic.ResetConflictReport();

        Action joinOlder = TestThreads.Start(() => Atomic.Run(() =>
        {
            olderStarted.Set();
            youngerOwns.Wait();
            account.Balance += 1; // older: asks the younger owner to abort and waits for the lock
        }));
        olderStarted.Wait();
        unrelated.Value = 1;

        Atomic.Run(() =>
        {
            int attempt = ++attempts;
            account.Balance += 10;
            if (attempt == 1)
            {
                youngerOwns.Set();
                RetryTests.WaitUntil(() => Segment.Current!.Doomed);
            }

            other.Value += 1; // the next barrier honours the abort request
        });
        joinOlder();

        Assert.Equal(111, account.Balance);
        Assert.True(attempts >= 2);
        ConflictSite[] sites = Atomic.ConflictReport.Sites.ToArray();
        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Equal("Account.Balance", s.Property));
    }

    [Fact]
    public void A_read_write_conflict_is_reported_on_the_property_the_other_transaction_wrote()
    {
        var account = new Account("a", 100);
        var target = new Cell(0);
        using var hasRead = new ManualResetEventSlim();
        using var written = new ManualResetEventSlim();
        int attempts = 0;
        Atomic.ResetConflictReport();

        Action join = TestThreads.Start(() => Atomic.Run(() =>
        {
            int attempt = Interlocked.Increment(ref attempts);
            long seen = account.Balance;
            if (attempt == 1)
            {
                hasRead.Set();
                written.Wait();
            }

            target.Value = seen;
        }));
        hasRead.Wait();
        account.Balance = 200;
        written.Set();
        join();

        Assert.Equal(200, target.Value);
        ConflictSite site = Assert.Single(Atomic.ConflictReport.Sites);
        Assert.Equal("Account.Balance", site.Property);
        Assert.Equal(ConflictKind.ReadWrite, site.Kind);
        Assert.Equal(1, site.Aborts);
    }

    [Fact]
    public void A_read_write_conflict_on_an_object_another_transaction_has_taken_since_is_reported_on_the_committed_property()
    {
        // The committed write's property is kept in the object's free header word; a third transaction that takes the
        // object's write lock replaces that word, and the report must then find it in the holder's write log.
        var account = new Account("a", 100);
        var target = new Cell(0);
        using var hasRead = new ManualResetEventSlim();
        using var taken = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int attempts = 0;
        Atomic.ResetConflictReport();

        Action joinReader = TestThreads.Start(() => Atomic.Run(() =>
        {
            int attempt = Interlocked.Increment(ref attempts);
            long seen = account.Balance;
            if (attempt == 1)
            {
                hasRead.Set();
                taken.Wait();
            }

            target.Value = seen; // a writing commit: validation finds the account changed, and owned by the holder
        }));
        hasRead.Wait();
        account.Balance = 200;
        Action joinHolder = TestThreads.Start(() => Atomic.Run(() =>
        {
            account.Next = account; // holds the account's write lock until the reader is done
            taken.Set();
            release.Wait();
        }));
        joinReader();
        release.Set();
        joinHolder();

        Assert.Equal(200, target.Value);
        Assert.Equal(2, attempts);
        ConflictSite site = Assert.Single(Atomic.ConflictReport.Sites);
        Assert.Equal("Account.Balance", site.Property);
        Assert.Equal(ConflictKind.ReadWrite, site.Kind);
    }

    [Fact]
    public void Bank_conflicts_are_all_attributed_to_Account_Balance()
    {
        Account[] accounts = Enumerable.Range(0, 8).Select(i => new Account("a" + i, 1_000)).ToArray();
        Atomic.ResetConflictReport();
        StmStatistics before = Atomic.Statistics;
        TestThreads.Run(4, t =>
        {
            var rng = new Random(t);
            for (int i = 0; i < 50_000; i++)
            {
                Account from = accounts[rng.Next(accounts.Length)];
                Account to = accounts[rng.Next(accounts.Length)];
                Atomic.Run(() =>
                {
                    from.Balance -= 1;
                    to.Balance += 1;
                });
            }
        });

        StmStatistics delta = Atomic.Statistics.Since(before);
        ConflictReport report = Atomic.ConflictReport;
        Assert.True(delta.Aborts > 0);
        Assert.Equal(delta.Aborts, report.TotalAborts);
        Assert.All(report.Sites, s => Assert.Equal("Account.Balance", s.Property));
    }
}
