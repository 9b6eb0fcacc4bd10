using System;
using System.Collections.Concurrent;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The segment pool: a thread keeps its segment reserved between transactions (no atomic instruction to start
/// one), and threads that find no free segment take idle reservations away. Never may two threads run in one
/// segment at once, and no commit may be lost either way.
/// </summary>
public class SegmentPoolTests
{
    [Fact]
    public void A_thread_keeps_its_segment_reserved_between_its_transactions()
    {
        WaitUntilReservationsResume();
        Segment? first = null;
        Segment? second = null;
        Action join = TestThreads.Start(() =>
        {
            first = Atomic.Run(() => Segment.Current);
            second = Atomic.Run(() => Segment.Current);
        });
        join();

        Assert.NotNull(first);
        Assert.Same(first, second);

        // The thread has ended but still holds its reservation: the segment is taken, by nobody running, until a thread
        // that finds no free segment revokes it.
        Assert.NotNull(Volatile.Read(ref first!.ReservedBy));
        Assert.Equal(1, Volatile.Read(ref first.InUse));
        Assert.Equal(0, Volatile.Read(ref first.ReservedBy!.Active));
    }

    [Fact]
    public void Threads_that_find_no_free_segment_take_idle_reservations_and_the_owners_carry_on()
    {
        WaitUntilReservationsResume();
        int segments = SegmentPool.All.Length;
        var cell = new Cell(0);
        var occupancy = new Occupancy();
        using var reserved = new Barrier(segments + 1);
        using var resume = new ManualResetEventSlim();

        // Phase 1: one thread per segment runs a transaction and then idles, holding its reservation.
        Action[] owners = new Action[segments];
        for (int i = 0; i < segments; i++)
        {
            owners[i] = TestThreads.Start(() =>
            {
                Increment(cell, occupancy);
                reserved.SignalAndWait();
                resume.Wait();

                // Phase 3: the owners run again, whether or not their reservation was taken.
                for (int n = 0; n < 100; n++)
                {
                    Increment(cell, occupancy);
                }
            });
        }

        reserved.SignalAndWait();
        Assert.All(SegmentPool.All, segment => Assert.Equal(1, Volatile.Read(ref segment.InUse)));

        // Phase 2: more threads than segments: every one of them has to revoke an idle reservation.
        TestThreads.Run(segments + 2, _ =>
        {
            for (int n = 0; n < 100; n++)
            {
                Increment(cell, occupancy);
            }
        });

        resume.Set();
        foreach (Action join in owners)
        {
            join();
        }

        Assert.Equal(segments + ((segments + 2) * 100L) + (segments * 100L), Atomic.Run(() => cell.Value));
        Assert.Null(occupancy.Violation);
    }

    [Fact]
    public void A_thief_that_revokes_a_reservation_whose_owner_is_running_leaves_the_segment_to_it()
    {
        WaitUntilReservationsResume();
        var cell = new Cell(0);
        Segment? used = null;
        using var inside = new ManualResetEventSlim();
        using var finish = new ManualResetEventSlim();
        using var second = new ManualResetEventSlim();
        Action join = TestThreads.Start(() =>
        {
            used = Atomic.Run(() => Segment.Current); // reserves its segment
            Atomic.Run(() =>
            {
                cell.Value = 1;
                inside.Set();
                finish.Wait(); // running in the reserved segment while the thief acts
            });
            second.Wait();
            Atomic.Run(() => cell.Value++);
        });

        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));
        Segment segment = used!;
        SegmentReservation reservation = Volatile.Read(ref segment.ReservedBy)!;
        Assert.NotNull(reservation);
        Assert.Equal(1, Volatile.Read(ref reservation.Active));

        // The race the process-wide barrier settles: a thief that read the owner idle just before the owner entered.
        Assert.True(SegmentPool.TryRevoke(segment, reservation));
        Assert.False(SegmentPool.TakeIfIdle(reservation));
        Assert.Equal(SegmentReservation.LeftToOwner, reservation.Verdict);

        finish.Set();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref segment.InUse) == 0, TimeSpan.FromSeconds(30)),
            "the owner did not give the revoked segment back to the pool");
        second.Set();
        join();

        Assert.Equal(2, Atomic.Run(() => cell.Value));
    }

    [Fact]
    public void Many_more_threads_than_segments_switching_between_reserving_and_revoking_lose_no_transfer()
    {
        int savedPressure = SegmentPool.PressureMilliseconds;
        SegmentPool.PressureMilliseconds = 2; // flip between the two regimes many times during the test
        try
        {
            int segments = SegmentPool.All.Length;
            const long Initial = 1_000;
            Account[] accounts = Atomic.Run(() =>
            {
                var all = new Account[8];
                for (int i = 0; i < all.Length; i++)
                {
                    all[i] = new Account("a" + i, Initial);
                }

                return all;
            });
            var occupancy = new Occupancy();

            TestThreads.Run(segments * 4, thread =>
            {
                var random = new Random(thread);
                for (int n = 0; n < 2_000; n++)
                {
                    int from = random.Next(accounts.Length);
                    int to = (from + 1 + random.Next(accounts.Length - 1)) % accounts.Length;
                    Atomic.Run(() =>
                    {
                        occupancy.Enter();
                        try
                        {
                            long amount = accounts[from].Balance >= 5 ? 5 : 0;
                            accounts[from].Balance -= amount;
                            accounts[to].Balance += amount;
                        }
                        finally
                        {
                            occupancy.Leave(); // also when the attempt aborts
                        }
                    });

                    // Idle now and then, so that reservations go idle and get revoked mid-run.
                    if (random.Next(64) == 0)
                    {
                        Thread.Sleep(random.Next(2));
                    }
                }
            });

            Assert.Null(occupancy.Violation);
            long total = Atomic.Run(() =>
            {
                long sum = 0;
                foreach (Account account in accounts)
                {
                    Assert.True(account.Balance >= 0);
                    sum += account.Balance;
                }

                return sum;
            });
            Assert.Equal(Initial * accounts.Length, total);
        }
        finally
        {
            SegmentPool.PressureMilliseconds = savedPressure;
        }
    }

    private static void Increment(Cell cell, Occupancy occupancy) => Atomic.Run(() =>
    {
        occupancy.Enter();
        try
        {
            cell.Value++;
        }
        finally
        {
            occupancy.Leave(); // also when the attempt aborts
        }
    });

    /// <summary>Starts from a pool where reservations are being made and no idle thread (of an earlier test) holds one.</summary>
    private static void WaitUntilReservationsResume()
    {
        Assert.True(SpinWait.SpinUntil(() => !SegmentPool.ReservationsPaused, TimeSpan.FromSeconds(10)),
            "reservations stayed paused (a thread keeps finding no free segment)");
        SegmentPool.RevokeIdleReservations();
    }

    /// <summary>Records which thread runs in each segment; two at once is the violation these tests look for.</summary>
    /// <remarks>Enter and Leave bracket a transaction body (Leave in a finally block, so aborts leave no mark).</remarks>
    private sealed class Occupancy
    {
        private readonly ConcurrentDictionary<Segment, int> _runningIn = new();

        public string? Violation { get; private set; }

        public void Enter()
        {
            Segment segment = Segment.Current!;
            int me = Environment.CurrentManagedThreadId;
            if (!_runningIn.TryAdd(segment, me))
            {
                Violation ??= $"thread {me} entered segment {segment.Index} while another thread ran in it";
            }
        }

        public void Leave() => _runningIn.TryRemove(Segment.Current!, out _);
    }
}
