using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// Millisecond ticks (<see cref="Environment.TickCount64"/>) for timing attempts, read from a static field that a
/// background thread refreshes whenever the OS clock moves, while transactions run.
/// </summary>
/// <remarks>
/// <para>Every attempt notes when it started, so that an abort can report the time it lost
/// (<see cref="StmStatistics"/>, <see cref="ConflictReport"/>). <see cref="Environment.TickCount64"/> is a call into
/// the C library's clock on Linux (about 4 ns here): 9 % of a one-counter transaction and 4.5 % of a bank transfer.
/// A field load costs about nothing.</para>
/// <para>The ticker updates as often as the OS clock changes (every 4 ms with a 250 Hz Linux kernel), for a lease
/// of <see cref="LeaseMilliseconds"/>. When the lease ends, the ticker stores 0 and parks; the
/// next reader then reads the OS clock itself and wakes the ticker for another lease. A process that stops running
/// transactions thus stops the ticker within a tenth of a second, and a busy one pays one wake-up per lease.</para>
/// <para>The value may be late by one step of the OS clock plus however long the scheduler keeps the ticker from
/// running. An attempt's lost time is this value at its abort minus this value at its start, so the lag cancels
/// (subtracting a lagging start from the OS clock charged every abort ~2 ms: <c>CoarseClockTests</c>).</para>
/// </remarks>
internal static class CoarseClock
{
    /// <summary>How long the ticker runs after a wake-up before it parks.</summary>
    private const int LeaseMilliseconds = 100;

    /// <summary>The longest sleep between updates, for an OS clock this coarse.</summary>
    private const int MaxSleep = 16;

    private static long s_ticks; // the ticks as of the ticker's last update, or 0 while it is parked or not started
    private static int s_demand; // 1 once a reader found the ticker parked in this lease (only one wakes it)
    private static int s_started;
    private static readonly AutoResetEvent s_wake = new(initialState: false);

    /// <summary>The current millisecond ticks, give or take the ticker's scheduling delay; never 0.</summary>
    internal static long Now
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            long ticks = Volatile.Read(ref s_ticks);
            return ticks != 0 ? ticks : ReadAndWake();
        }
    }

    /// <summary>Whether the ticker holds a lease (for tests).</summary>
    internal static bool Ticking => Volatile.Read(ref s_ticks) != 0;

    /// <summary>The ticker is parked (or not started): reads the OS clock and asks the ticker for a lease.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ReadAndWake()
    {
        if (Volatile.Read(ref s_demand) == 0 && Interlocked.CompareExchange(ref s_demand, 1, 0) == 0)
        {
            if (Volatile.Read(ref s_started) == 0 && Interlocked.CompareExchange(ref s_started, 1, 0) == 0)
            {
                var ticker = new Thread(Tick) { IsBackground = true, Name = "Stm coarse clock" };
                ticker.UnsafeStart();
            }
            else
            {
                s_wake.Set();
            }
        }

        return Environment.TickCount64 | 1;
    }

    private static void Tick()
    {
        int sleep = 1;
        long previous = 0;
        while (true)
        {
            Volatile.Write(ref s_demand, 0);
            long leaseEnd = Environment.TickCount64 + LeaseMilliseconds;
            long ticks;
            do
            {
                ticks = Environment.TickCount64;
                if (ticks == previous && sleep < MaxSleep)
                {
                    sleep++; // the OS clock is coarser than our sleep (4 ms with a 250 Hz kernel): wake up less often
                }

                previous = ticks;
                Volatile.Write(ref s_ticks, ticks | 1); // never 0, which means "parked"
                Thread.Sleep(sleep);
            }
            while (ticks < leaseEnd);

            // Lease over: readers fall back to the OS clock, and the first of them sets the demand and wakes us.
            // A wake-up signalled before we wait leaves the event set, so none is lost.
            Volatile.Write(ref s_ticks, 0);
            s_wake.WaitOne();
        }
    }
}
