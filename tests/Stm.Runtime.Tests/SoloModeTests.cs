using System;
using System.Diagnostics;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Solo mode (docs/architecture.md §5b): a thread running transactions alone takes its locks without locked
/// instructions, and any other thread that starts a transaction revokes the mode first. These tests make the mode
/// come and go many times under real threads and check that no committed write is lost, that the mode is never held
/// while another transaction runs, and that a revocation waits only for the holder's lock-taking, not for its
/// transaction. Run alone: other tests' transactions would revoke the mode under them.
/// </summary>
[Collection(nameof(SoloModeTests))]
public sealed class SoloModeTests : IDisposable
{
    private readonly long _tryInterval = SoloMode.TryIntervalMilliseconds;
    private readonly long _afterRevocation = SoloMode.AfterRevocationMilliseconds;

    public SoloModeTests()
    {
        // Try for the mode at every transaction and again right after a revocation: many transitions per second.
        SoloMode.TryIntervalMilliseconds = 0;
        SoloMode.AfterRevocationMilliseconds = 0;

        // Free the segments that earlier tests' finished threads still reserve: with none free, the pool stops handing
        // out reservations for a while, and only a reserved segment can hold the mode.
        SegmentPool.RevokeIdleReservations();
    }

    public void Dispose()
    {
        SoloMode.TryIntervalMilliseconds = _tryInterval;
        SoloMode.AfterRevocationMilliseconds = _afterRevocation;
    }

    /// <summary>Whether the calling thread's running transaction holds the mode.</summary>
    private static bool RunningSolo() => SoloMode.Holder is { } holder && holder == Segment.Current!.ReservedBy;

    [Fact]
    public void A_thread_running_transactions_alone_takes_the_mode_and_its_commits_land()
    {
        var cell = new Cell(0);
        bool solo = false;
        TestThreads.Run(1, _ =>
        {
            // Its first transaction takes a segment; later ones run on the reservation, which can hold the mode.
            var watch = Stopwatch.StartNew();
            while (!solo && watch.ElapsedMilliseconds < 10_000)
            {
                solo = Atomic.Run(() =>
                {
                    cell.Value++;
                    return RunningSolo();
                });
            }

            for (int i = 0; i < 1000; i++)
            {
                Atomic.Run(() => cell.Value++);
            }
        });

        Assert.True(solo, "a thread running transactions alone never took solo mode");
        Assert.True(cell.Value >= 1001, $"the cell holds {cell.Value}");
        Assert.Equal(cell.Value, Atomic.Run(() => cell.Value)); // committed, and read back through a transaction
    }

    [Fact]
    public void Threads_coming_and_going_revoke_the_mode_and_no_committed_write_is_lost()
    {
        // A steady thread increments the shared cell and its own; visitors come, increment the shared cell and theirs
        // for a moment, and go, so the steady thread keeps taking the mode and the visitors keep revoking it. Every
        // increment of the shared cell is also counted in a private cell in the same transaction: a lost write (two
        // owners of one object, two commits under one commit lock) shows as a shared total below the private ones.
        var shared = new Cell(0);
        var steady = new Cell(0);
        var visitors = new Cell(0);
        long revocationsBefore = SoloMode.Revocations;
        int soloTransactions = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        TestThreads.Run(3, index =>
        {
            if (index == 0)
            {
                while (!stop.IsCancellationRequested)
                {
                    bool solo = Atomic.Run(() =>
                    {
                        shared.Value++;
                        steady.Value++;
                        return RunningSolo();
                    });
                    soloTransactions += solo ? 1 : 0;
                }

                return;
            }

            var random = new Random(index);
            while (!stop.IsCancellationRequested)
            {
                int burst = random.Next(1, 50);
                for (int i = 0; i < burst; i++)
                {
                    Atomic.Run(() =>
                    {
                        shared.Value++;
                        visitors.Value++;
                    });
                }

                Thread.Sleep(random.Next(0, 3)); // leave: the steady thread may take the mode again
            }
        });

        long revocations = SoloMode.Revocations - revocationsBefore;
        Assert.Equal(steady.Value + visitors.Value, shared.Value);
        Assert.True(soloTransactions > 0, "the steady thread never ran a transaction in solo mode");
        Assert.True(revocations >= 5, $"only {revocations} revocations: the test did not exercise the hand-over");
    }

    [Fact]
    public void The_mode_is_not_taken_while_another_thread_is_inside_a_transaction()
    {
        // The busy thread first takes the mode; then another thread opens a transaction (revoking it) and stays inside
        // while the busy thread tries for the mode again at every transaction.
        var inside = new Cell(0);
        var busy = new Cell(0);
        using var busyWasSolo = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        using var leave = new ManualResetEventSlim();
        bool soloBefore = false;
        int soloWhileOtherInside = 0;

        Action joinBusy = TestThreads.Start(() =>
        {
            var watch = Stopwatch.StartNew();
            while (!soloBefore && watch.ElapsedMilliseconds < 10_000)
            {
                soloBefore = Atomic.Run(() =>
                {
                    busy.Value++;
                    return RunningSolo();
                });
            }

            busyWasSolo.Set();
            Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the other thread never entered its transaction");
            watch.Restart();
            while (watch.ElapsedMilliseconds < 300) // many tries for the mode: every one must see the open transaction
            {
                bool solo = Atomic.Run(() =>
                {
                    busy.Value++;
                    return RunningSolo();
                });
                soloWhileOtherInside += solo ? 1 : 0;
            }
        });

        Action joinInside = TestThreads.Start(() =>
        {
            Assert.True(busyWasSolo.Wait(TimeSpan.FromSeconds(30)));
            Atomic.Run(() =>
            {
                inside.Value = 1; // owns it, in a transaction that stays open
                entered.Set();
                Assert.True(leave.Wait(TimeSpan.FromSeconds(30)), "never told to leave");
            });
        });

        joinBusy();
        leave.Set();
        joinInside();
        Assert.True(soloBefore, "the busy thread never took the mode; the test proves nothing");
        Assert.Equal(0, soloWhileOtherInside);
        Assert.Equal(1, inside.Value);
    }

    [Fact]
    public void A_revocation_waits_for_the_holders_lock_taking_not_for_its_transaction()
    {
        // The holder takes a write lock in solo mode, then waits inside its transaction for another thread's commit.
        // If revoking waited for the holder's transaction to end, the other thread could never commit: a deadlock.
        // After the revocation the holder's next lock, and its commit, go through the locked instructions.
        var first = new Cell(0);
        var second = new Cell(0);
        var others = new Cell(0);
        using var holderInside = new ManualResetEventSlim();
        using var otherCommitted = new ManualResetEventSlim();
        bool wasSolo = false;
        bool soloAfterRevocation = true;

        Action joinHolder = TestThreads.Start(() =>
        {
            // The first transaction takes a segment (and revokes a mode left by an earlier test's thread); later ones
            // run on the reservation and take the mode.
            var watch = Stopwatch.StartNew();
            bool solo = false;
            while (!solo && watch.ElapsedMilliseconds < 10_000)
            {
                solo = Atomic.Run(() =>
                {
                    first.Value++;
                    return RunningSolo();
                });
            }

            Atomic.Run(() =>
            {
                wasSolo = RunningSolo();
                first.Value = 10; // locked in solo mode
                holderInside.Set();
                Assert.True(otherCommitted.Wait(TimeSpan.FromSeconds(30)), "the other thread never committed");
                soloAfterRevocation = RunningSolo();
                second.Value = 20; // locked with a compare-and-swap now
            });
        });

        Assert.True(holderInside.Wait(TimeSpan.FromSeconds(30)), "the holder never got inside its transaction");
        Action joinOther = TestThreads.Start(() =>
        {
            Atomic.Run(() => others.Value = 30);
            otherCommitted.Set();
        });

        joinOther();
        joinHolder();
        Assert.True(wasSolo, "the holder's transaction did not run in solo mode; the test proves nothing");
        Assert.False(soloAfterRevocation, "the holder kept the mode after another thread committed");
        Assert.Equal(10, first.Value);
        Assert.Equal(20, second.Value);
        Assert.Equal(30, others.Value);
    }
}

/// <summary>Solo mode is process-wide: its tests run with no other test's transactions.</summary>
[CollectionDefinition(nameof(SoloModeTests), DisableParallelization = true)]
public sealed class SoloModeTestsCollection;
