using System;
using System.Diagnostics;
using System.Threading;
using Stm.Engine;
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
        _ = CoarseClock.Now;
        Assert.True(WaitFor(() => CoarseClock.Ticking), "the ticker did not start after a read");

        // Nobody reads, and its lease runs out.
        Assert.True(WaitFor(() => !CoarseClock.Ticking), "the ticker never parked");

        long before = Environment.TickCount64;
        long now = CoarseClock.Now; // parked: read from the OS, and the ticker is woken
        Assert.InRange(now, before, Environment.TickCount64 + 1);
        Assert.True(WaitFor(() => CoarseClock.Ticking), "a read did not wake the parked ticker");
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
