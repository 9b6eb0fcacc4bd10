using System;

namespace Stm;

/// <summary>
/// A snapshot of process-wide transaction counters (<see cref="Atomic.Statistics"/>). Counts only grow;
/// subtract two snapshots to measure an interval.
/// </summary>
public sealed record StmStatistics
{
    /// <summary>Top-level transactions committed (including one-write transactions made by property writes outside atomic blocks).</summary>
    public long Commits { get; init; }

    /// <summary>Attempts aborted by conflicts and re-run (user exceptions and <see cref="Atomic.Retry"/> are not counted).</summary>
    public long Aborts => WriteWriteAborts + ReadWriteAborts;

    /// <summary>Aborts because two transactions wrote the same object.</summary>
    public long WriteWriteAborts { get; init; }

    /// <summary>Aborts because something read was changed by another commit.</summary>
    public long ReadWriteAborts { get; init; }

    /// <summary>Attempts that called <see cref="Atomic.Retry"/> and blocked until something they read changed.</summary>
    public long Retries { get; init; }

    /// <summary>Transactions that became inevitable, by <see cref="Atomic.BecomeInevitable"/> or by escalation after repeated conflicts.</summary>
    public long InevitableTransactions { get; init; }

    /// <summary>Attempts rolled back because an exception escaped the body.</summary>
    public long UserExceptionRollbacks { get; init; }

    /// <summary>Time spent in attempts that were then aborted by conflicts.</summary>
    /// <remarks>Wall-clock time, counted in the runtime's millisecond ticks, including time the thread was not running.
    /// With more busy threads than free cores, the operating system switches threads once per scheduler tick (4 ms on a
    /// 250 Hz Linux kernel): a thread switched out inside an attempt finds, when it runs again, that the others have
    /// committed over what it read, aborts, and is charged the whole time it waited, although the core was doing the
    /// other threads' work meanwhile (measured: two threads sharing one core on one hot counter, ~40 % of their time
    /// "lost", at 90-95 % of the throughput of one thread alone). Keep fewer transactional threads than free cores, and
    /// read a large figure with the machine's load in mind.</remarks>
    public TimeSpan TimeLostInAborts { get; init; }

    /// <summary>Aborts per committed transaction.</summary>
    public double AbortRate => Commits == 0 ? 0 : (double)Aborts / Commits;

    /// <summary>The difference between this snapshot and an earlier one.</summary>
    /// <param name="earlier">A snapshot taken before this one.</param>
    /// <returns>The counters accumulated between the two snapshots.</returns>
    public StmStatistics Since(StmStatistics earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new StmStatistics
        {
            Commits = Commits - earlier.Commits,
            WriteWriteAborts = WriteWriteAborts - earlier.WriteWriteAborts,
            ReadWriteAborts = ReadWriteAborts - earlier.ReadWriteAborts,
            Retries = Retries - earlier.Retries,
            InevitableTransactions = InevitableTransactions - earlier.InevitableTransactions,
            UserExceptionRollbacks = UserExceptionRollbacks - earlier.UserExceptionRollbacks,
            TimeLostInAborts = TimeLostInAborts - earlier.TimeLostInAborts,
        };
    }
}
