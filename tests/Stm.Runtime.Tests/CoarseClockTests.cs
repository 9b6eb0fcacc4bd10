using System;
using System.Diagnostics;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The ticker behind attempt timing (docs/architecture.md §9): it tracks the OS's millisecond ticks while it is read,
/// parks when nobody reads it, and the next read wakes it. Run alone: other tests' transactions read it and keep it
/// ticking.
/// </summary>
[Collection(nameof(CoarseClockTests))]
public class CoarseClockTests
{
    /// <summary>How late the ticker may be: generous, because a loaded CI machine may keep it off a core for a while.</summary>
    private const long Tolerance = 250;

    [Fact]
    public void Tracks_the_OS_ticks_over_several_leases()
    {
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 400) // four leases: a ticker that stopped without parking would fall behind
        {
            long before = Environment.TickCount64;
            long now = CoarseClock.Now;
            long after = Environment.TickCount64;
            Assert.NotEqual(0, now);
            Assert.InRange(now, before - Tolerance, after + 1); // (+1: the ticker stores odd values)
            Thread.Sleep(20);
        }
    }

    [Fact]
    public void Parks_when_unread_and_a_read_wakes_it()
    {
        // Reads start it. (One read is not enough to see it ticking: a read does not extend the lease of a ticker that
        // is running, so one made just before its lease ends can be followed by a park before we look.)
        Assert.True(WaitFor(() => CoarseClock.Now != 0 && CoarseClock.Ticking), "reads did not start the ticker");

        // Nobody reads, and its lease runs out. A read while it is parked comes from the OS clock (so it is not behind
        // it) and wakes the ticker. The ticker may also resume right after parking, without a read of ours: a reader
        // that saw it parked just as it woke signals a wake-up it consumes at its next park (harmless: one more lease).
        // Its first tick can then be older than our "before" if it was preempted under load, so a read that lands on
        // such a resumption is tried again: only a read that meets the ticker parked must return the OS clock.
        bool readWhileParked = false;
        for (int attempt = 0; attempt < 20 && !readWhileParked; attempt++)
        {
            Assert.True(WaitFor(() => !CoarseClock.Ticking), "the ticker never parked");
            long before = Environment.TickCount64;
            long now = CoarseClock.Now; // parked: read from the OS, and the ticker is woken
            readWhileParked = now >= before && now <= Environment.TickCount64 + 1;
        }

        Assert.True(readWhileParked, "20 reads right after the ticker parked all returned a value behind the OS clock");
        Assert.True(WaitFor(() => CoarseClock.Ticking), "a read did not wake the parked ticker");
    }

    [Fact]
    public void Quick_aborts_are_not_charged_the_clocks_lag()
    {
        // Attempts that abort microseconds after they start lose microseconds. The start comes from the ticker, which
        // lags the OS clock by up to one of its steps: subtracting it from the OS clock charged every abort that lag
        // (~2 ms on average, 15 s over the Bank sample's 10,000 aborts instead of 0.4 s).
        var cell = new Cell(1);
        const int Transactions = 150, AbortsEach = 2;
        StmStatistics before = Atomic.Statistics;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Transactions; i++)
        {
            int attempts = 0;
            Atomic.Run(() =>
            {
                _ = cell.Value; // (the attempt's clock started when it began)
                if (++attempts <= AbortsEach)
                {
                    throw new ConflictException(ConflictKind.ReadWrite, Stm.Internal.TransactionalProperty.Unknown);
                }
            });
        }

        watch.Stop();
        StmStatistics delta = Atomic.Statistics.Since(before);
        Assert.Equal(Transactions * AbortsEach, delta.ReadWriteAborts);

        // One thread: its attempts cannot have lost more than the time it ran (plus one step of a 4 ms clock).
        Assert.InRange(delta.TimeLostInAborts, TimeSpan.Zero, watch.Elapsed + TimeSpan.FromMilliseconds(20));
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(1);
        }

        return false;
    }
}

/// <summary>Runs <see cref="CoarseClockTests"/> after the parallel tests, alone.</summary>
[CollectionDefinition(nameof(CoarseClockTests), DisableParallelization = true)]
public class CoarseClockCollection
{
}
