using System;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Write-write conflicts: the older transaction wins, except against an owner that is already committing, whose
/// publication will make the older one's read of the object stale anyway: then the older yields at once instead of
/// waiting only to abort afterwards (docs/architecture.md §7).
/// </summary>
public class ContentionPolicyTests
{
    [Fact]
    public void An_older_writer_yields_to_a_younger_owner_that_is_already_committing()
    {
        var cell = new Cell(0);
        var unrelated = new Cell(0);
        using var olderHasRead = new ManualResetEventSlim();
        using var olderMayWrite = new ManualResetEventSlim();
        using var inevitableInside = new ManualResetEventSlim();
        using var inevitableMayEnd = new ManualResetEventSlim();
        int olderAttempts = 0;
        int youngerAttempts = 0;
        Segment? younger = null;

        // The older transaction reads the cell first, then waits before writing it.
        Action joinOlder = TestThreads.Start(() => Atomic.Run(() =>
        {
            Interlocked.Increment(ref olderAttempts);
            long seen = cell.Value;
            olderHasRead.Set();
            olderMayWrite.Wait();
            cell.Value = seen + 10;
        }));
        Assert.True(olderHasRead.Wait(TimeSpan.FromSeconds(30)));
        Atomic.Run(() => unrelated.Value++); // moves the clock, so the next transaction is strictly younger

        // An inevitable transaction holds every other commit back, so the younger one stays in its commit.
        Action joinInevitable = TestThreads.Start(() => Atomic.Run(() =>
        {
            Atomic.BecomeInevitable();
            inevitableInside.Set();
            inevitableMayEnd.Wait();
        }));
        Assert.True(inevitableInside.Wait(TimeSpan.FromSeconds(30)));

        Action joinYounger = TestThreads.Start(() => Atomic.Run(() =>
        {
            Interlocked.Increment(ref youngerAttempts);
            Interlocked.Exchange(ref younger, Segment.Current);
            cell.Value += 1; // owns the cell, then waits in its commit for the inevitable transaction
        }));
        Assert.True(SpinWait.SpinUntil(
            () => Volatile.Read(ref younger) is Segment s && Volatile.Read(ref s.CommittingSerial) == Volatile.Read(ref s.AttemptSerial),
            TimeSpan.FromSeconds(30)), "the younger transaction never reached its commit");

        // The older one now writes the cell the committing younger one owns: it must abort itself, not the younger.
        olderMayWrite.Set();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref olderAttempts) >= 2, TimeSpan.FromSeconds(10)),
            "the older writer waited for (or aborted) the committing owner instead of yielding");
        Assert.Equal(1, Volatile.Read(ref youngerAttempts)); // the younger was not asked to abort

        inevitableMayEnd.Set();
        joinInevitable();
        joinYounger();
        joinOlder();

        // (Once the inevitable transaction ends, the older one, escalated after its repeated yields, may still
        // take the cell from the younger: the order of the two increments is not part of this test.)
        Assert.Equal(11, Atomic.Run(() => cell.Value));
    }
}
