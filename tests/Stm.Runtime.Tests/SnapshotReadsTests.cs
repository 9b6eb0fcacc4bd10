using System;
using System.Linq;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// First attempts that stop logging their reads (<c>Engine/SnapshotReads.cs</c>): they read a snapshot, commit only
/// at their read version, and otherwise re-run with a log, never with a value that was not current.
/// </summary>
public class SnapshotReadsTests
{
    private const int Many = 1_000;

    [Fact]
    public void A_first_attempt_stops_logging_after_a_few_reads_and_commits_without_aborting()
    {
        Cell[] cells = Cells.Numbered(Many);
        int attempts = 0;
        (long sum, int logged, bool logs) = Atomic.Run(() =>
        {
            attempts++;
            ForgetEarlierFailures();
            long total = cells.Sum(cell => cell.Value);
            return (total, Segment.Current!.Reads.Count, Segment.Current.LogsReads);
        });

        Assert.Equal((long)Many * (Many - 1) / 2, sum);
        Assert.Equal(1, attempts);
        Assert.False(logs);
        Assert.Equal(SnapshotReads.LoggedReads, logged);
    }

    [Fact]
    public void A_million_distinct_reads_in_a_first_attempt_log_a_few_and_do_not_abort()
    {
        const int Count = 1_000_000;
        Cell[] cells = Atomic.Run(() => Enumerable.Range(0, Count).Select(i => new Cell(1)).ToArray());
        int attempts = 0;
        int logged = 0;
        long sum = Atomic.Run(() =>
        {
            attempts++;
            ForgetEarlierFailures();
            long total = 0;
            foreach (Cell cell in cells)
            {
                total += cell.Value;
            }

            logged = Segment.Current!.Reads.Count;
            return total;
        });

        Assert.Equal(Count, sum);
        Assert.Equal(1, attempts);
        Assert.Equal(SnapshotReads.LoggedReads, logged);
    }

    [Fact]
    public void Small_transactions_keep_logging()
    {
        Cell[] cells = Cells.Numbered(SnapshotReads.LoggedReads - 1);
        (int logged, bool logs) = Atomic.Run(() =>
        {
            foreach (Cell cell in cells)
            {
                _ = cell.Value;
            }

            return (Segment.Current!.Reads.Count, Segment.Current.LogsReads);
        });

        Assert.True(logs);
        Assert.Equal(cells.Length, logged);
    }

    [Fact]
    public void Alone_a_first_attempt_that_reads_many_objects_and_then_writes_commits_at_once()
    {
        // Nobody else commits, so the commit finds the clock at the attempt's read version: no re-run.
        Cell[] cells = Cells.Numbered(Many);
        var total = new Cell(0);
        int attempts = 0;
        bool logs = true;
        Atomic.Run(() =>
        {
            attempts++;
            ForgetEarlierFailures();
            total.Value = cells.Sum(cell => cell.Value);
            logs = Segment.Current!.LogsReads;
        });

        Assert.False(logs);
        Assert.Equal(1, attempts);
        Assert.Equal((long)Many * (Many - 1) / 2, total.Value);
    }

    [Fact]
    public void A_commit_after_the_snapshot_makes_a_writing_attempt_re_run_with_a_log()
    {
        // The writer changes a cell the reader read after it stopped logging; the reader's commit cannot check that
        // cell, so it must re-run, and the re-run (logged) stores the sum including the change.
        Cell[] cells = Cells.Numbered(Many);
        var result = new Cell(0);
        using var summed = new ManualResetEventSlim();
        using var written = new ManualResetEventSlim();
        int attempts = 0;
        bool firstLogged = true, secondLogged = false;
        Segment? failed = null;

        Action joinWriter = TestThreads.Start(() =>
        {
            summed.Wait();
            Atomic.Run(() => cells[Many - 1].Value += 1_000_000);
            written.Set();
        });

        Atomic.Run(() =>
        {
            attempts++;
            if (attempts == 1)
            {
                ForgetEarlierFailures();
                failed = Segment.Current;
            }

            long sum = cells.Sum(cell => cell.Value);
            if (attempts == 1)
            {
                firstLogged = Segment.Current!.LogsReads;
                summed.Set();
                written.Wait();
            }
            else
            {
                secondLogged = Segment.Current!.LogsReads;
            }

            result.Value = sum;
        });
        joinWriter();

        Assert.False(firstLogged);
        Assert.True(secondLogged);
        Assert.Equal(2, attempts);
        Assert.Equal(1, failed!.Snapshots.Penalty); // its next long first attempts keep logging for a while
        Assert.Equal((long)Many * (Many - 1) / 2 + 1_000_000, result.Value);
    }

    [Fact]
    public void A_read_only_attempt_that_meets_a_newer_object_re_runs_and_sees_a_consistent_state()
    {
        // Two cells that always hold the same value; the reader reads the first, a writer bumps both, and the reader
        // then meets the second at a version newer than its snapshot. Without a log it cannot extend: it re-runs.
        Cell[] filler = Cells.Numbered(SnapshotReads.LoggedReads);
        var first = new Cell(7);
        var second = new Cell(7);
        using var readFirst = new ManualResetEventSlim();
        using var written = new ManualResetEventSlim();
        int attempts = 0;

        Action joinWriter = TestThreads.Start(() =>
        {
            readFirst.Wait();
            Atomic.Run(() =>
            {
                first.Value = 8;
                second.Value = 8;
            });
            written.Set();
        });

        (long a, long b) = Atomic.Run(() =>
        {
            attempts++;
            ForgetEarlierFailures();
            foreach (Cell cell in filler)
            {
                _ = cell.Value; // enough reads to stop logging
            }

            long x = first.Value;
            if (attempts == 1)
            {
                Assert.False(Segment.Current!.LogsReads);
                readFirst.Set();
                written.Wait();
            }

            return (x, second.Value);
        });
        joinWriter();

        Assert.Equal(2, attempts);
        Assert.Equal((8L, 8L), (a, b));
    }

    [Fact]
    public void Retry_in_an_attempt_without_a_log_still_wakes_on_an_object_read_after_logging_stopped()
    {
        // The object the transaction waits on is read last, long after the log stopped: the re-run with a log must
        // put it in the wait set, or the consumer would sleep forever.
        Cell[] cells = Cells.Numbered(Many);
        Cell flag = cells[Many - 1];
        int attempts = 0;
        StmStatistics before = Atomic.Statistics;

        Action join = TestThreads.Start(() => Atomic.Run(() =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                ForgetEarlierFailures();
            }

            long sum = cells.Sum(cell => cell.Value);
            if (flag.Value < 1_000_000)
            {
                Atomic.Retry();
            }

            return sum;
        }));

        RetryTests.WaitUntil(() => Volatile.Read(ref attempts) >= 2 && Atomic.Statistics.Since(before).Retries >= 1);
        Atomic.Run(() => flag.Value = 1_000_000);
        join();

        // Without a log: re-run with one (not counted as a retry), wait, wake. Waiting on the first attempt's partial
        // read set would count two retries (the safety net's periodic wake-up would end that wait).
        Assert.Equal(3, Volatile.Read(ref attempts));
        Assert.Equal(1, Atomic.Statistics.Since(before).Retries);
    }

    [Fact]
    public void Failures_make_later_long_first_attempts_keep_logging_and_commits_undo_it()
    {
        var policy = default(SnapshotReads);
        Assert.True(policy.Allowed());

        policy.Failed();
        Assert.Equal(1, policy.Penalty);
        Assert.False(policy.Allowed());
        Assert.False(policy.Allowed());
        Assert.True(policy.Allowed());

        policy.Failed();
        policy.Failed();
        Assert.Equal(3, policy.Penalty);
        Assert.Equal(8, Enumerable.Range(0, 9).TakeWhile(_ => !policy.Allowed()).Count());

        policy.Committed();
        policy.Committed();
        policy.Committed();
        policy.Committed();
        Assert.Equal(0, policy.Penalty);
        for (int i = 0; i < SnapshotReads.MaxPenalty + 5; i++)
        {
            policy.Failed();
        }

        Assert.Equal(SnapshotReads.MaxPenalty, policy.Penalty);
    }

    [Fact]
    public void Audits_and_large_rebalancing_transactions_never_see_or_make_money_appear()
    {
        // Many threads: small transfers (logged), audits that sum every account (snapshots, read-only) and
        // rebalancers that read every account and then move money from the richest to the poorest (snapshots that
        // write). An audit must always see the total; at the end no money is lost or made.
        const int Accounts = 200;
        const long Initial = 1_000;
        Cell[] accounts = Atomic.Run(() => Enumerable.Range(0, Accounts).Select(_ => new Cell(Initial)).ToArray());
        long expected = Accounts * Initial;
        int badAudits = 0;
        long audits = 0, rebalances = 0;

        TestThreads.Run(4, worker =>
        {
            var random = new Random(worker);
            for (int op = 0; op < 3_000; op++)
            {
                int kind = random.Next(10);
                if (kind == 0)
                {
                    long seen = Atomic.Run(() => accounts.Sum(account => account.Value));
                    if (seen != expected)
                    {
                        Interlocked.Increment(ref badAudits);
                    }

                    Interlocked.Increment(ref audits);
                }
                else if (kind == 1)
                {
                    Atomic.Run(() =>
                    {
                        Cell richest = accounts.MaxBy(account => account.Value)!;
                        Cell poorest = accounts.MinBy(account => account.Value)!;
                        long move = (richest.Value - poorest.Value) / 2;
                        richest.Value -= move;
                        poorest.Value += move;
                    });
                    Interlocked.Increment(ref rebalances);
                }
                else
                {
                    int from = random.Next(Accounts), to = random.Next(Accounts);
                    long amount = random.Next(1, 50);
                    Atomic.Run(() =>
                    {
                        if (from != to && accounts[from].Value >= amount)
                        {
                            accounts[from].Value -= amount;
                            accounts[to].Value += amount;
                        }
                    });
                }
            }
        });

        Assert.True(audits > 0 && rebalances > 0);
        Assert.Equal(0, badAudits);
        Assert.Equal(expected, Atomic.Run(() => accounts.Sum(account => account.Value)));
        Assert.All(accounts, account => Assert.True(account.Value >= 0));
    }

    [Fact]
    public void Withdrawals_decided_on_snapshots_never_overdraw_the_total()
    {
        // Write skew, the anomaly a snapshot without read validation allows: withdrawers read every account and
        // take the whole total out of one account, depositors add small sums. Two withdrawers that saw the same
        // total and both committed would leave it negative; serializable runs keep it at zero or above.
        const int Accounts = 100;
        Cell[] accounts = Cells.Numbered(Accounts); // 0 + 1 + ... + 99
        long deposited = (long)Accounts * (Accounts - 1) / 2, withdrawn = 0;
        int negativeSeen = 0;

        TestThreads.Run(4, worker =>
        {
            var random = new Random(100 + worker);
            long myDeposits = 0, myWithdrawals = 0;
            for (int op = 0; op < 2_000; op++)
            {
                int target = random.Next(Accounts);
                if (random.Next(4) == 0)
                {
                    myWithdrawals += Atomic.Run(() =>
                    {
                        long total = accounts.Sum(account => account.Value);
                        if (total < 0)
                        {
                            Interlocked.Increment(ref negativeSeen);
                        }

                        if (total <= 0)
                        {
                            return 0L;
                        }

                        accounts[target].Value -= total;
                        return total;
                    });
                }
                else
                {
                    long amount = random.Next(1, 50);
                    Atomic.Run(() => accounts[target].Value += amount);
                    myDeposits += amount;
                }
            }

            Interlocked.Add(ref deposited, myDeposits);
            Interlocked.Add(ref withdrawn, myWithdrawals);
        });

        long final = Atomic.Run(() => accounts.Sum(account => account.Value));
        Assert.Equal(0, negativeSeen);
        Assert.True(final >= 0, $"the total went negative: {final}");
        Assert.Equal(deposited - withdrawn, final);
    }

    /// <summary>
    /// Clears the running segment's record of failed unlogged attempts (earlier tests leave some), so that this first
    /// attempt is allowed to stop logging.
    /// </summary>
    [Fact]
    public void An_attempt_without_a_log_reads_its_own_writes_from_then_on()
    {
        // Once logging stops, a read of an unchanged object takes the barrier's shortest path (no owner test); the
        // attempt's first write must end that, or its later reads would return the committed value, not its copy.
        Cell[] cells = Cells.Numbered(Many);
        (long first, long middle, long sum, bool logs) = Atomic.Run(() =>
        {
            ForgetEarlierFailures();
            long before = cells.Sum(cell => cell.Value);
            cells[0].Value = -1;
            cells[Many / 2].Value = -2;
            return (cells[0].Value, cells[Many / 2].Value, cells.Sum(cell => cell.Value) - before, Segment.Current!.LogsReads);
        });

        Assert.False(logs);
        Assert.Equal(-1, first);
        Assert.Equal(-2, middle);
        Assert.Equal(-1 - 0 + (-2 - Many / 2), sum);
        Assert.Equal(-1, cells[0].Value);
        Assert.Equal(-2, cells[Many / 2].Value);
    }

    [Fact]
    public void An_attempt_that_wrote_before_its_log_stopped_still_reads_its_own_writes()
    {
        Cell[] cells = Cells.Numbered(Many);
        (long written, long sum, bool logs) = Atomic.Run(() =>
        {
            ForgetEarlierFailures();
            cells[Many - 1].Value = 7;
            long total = cells.Sum(cell => cell.Value); // stops logging after the write
            return (cells[Many - 1].Value, total, Segment.Current!.LogsReads);
        });

        Assert.False(logs);
        Assert.Equal(7, written);
        Assert.Equal((long)Many * (Many - 1) / 2 - (Many - 1) + 7, sum);
    }

    [Fact]
    public void A_nested_block_without_a_log_reads_its_own_writes_and_after_a_rollback_the_committed_ones()
    {
        Cell[] cells = Cells.Numbered(Many);
        (long inner, long afterRollback, long outer) = Atomic.Run(() =>
        {
            ForgetEarlierFailures();
            _ = cells.Sum(cell => cell.Value); // logging stops
            long seenInside = 0;
            Atomic.OrElse(
                () =>
                {
                    cells[3].Value = 300;
                    seenInside = cells[3].Value;
                    Atomic.Retry(); // rolls this alternative back
                },
                () => { });
            long seenAfter = cells[3].Value;
            cells[4].Value = 400;
            return (seenInside, seenAfter, cells[4].Value);
        });

        Assert.Equal(300, inner);
        Assert.Equal(3, afterRollback);
        Assert.Equal(400, outer);
        Assert.Equal(3, cells[3].Value);
        Assert.Equal(400, cells[4].Value);
    }

    private static void ForgetEarlierFailures() => Segment.Current!.Snapshots = default;
}
