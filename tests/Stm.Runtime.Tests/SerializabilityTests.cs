using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Serializability beyond snapshot isolation: write skew (two transactions each read both cells and write a
/// different one) must be impossible, because a transaction's reads are validated at commit.
/// </summary>
public class SerializabilityTests
{
    [Fact]
    public void Write_skew_never_breaks_a_constraint_spanning_two_cells()
    {
        const int Rounds = 20_000;
        var x = new Cell(0);
        var y = new Cell(0);
        long violations = 0;
        using var barrier = new Barrier(2);

        TestThreads.Run(2, t =>
        {
            Cell mine = t == 0 ? x : y;
            for (int round = 0; round < Rounds; round++)
            {
                if (t == 0)
                {
                    Atomic.Run(() =>
                    {
                        x.Value = 1;
                        y.Value = 0;
                    });
                }

                barrier.SignalAndWait();

                // Constraint: x + y >= 0. Each side withdraws from its own cell only if the sum allows it;
                // run serially, exactly one of them withdraws.
                Atomic.Run(() =>
                {
                    if (x.Value + y.Value >= 1)
                    {
                        mine.Value -= 1;
                    }
                });

                barrier.SignalAndWait();
                if (t == 0 && Atomic.Run(() => x.Value + y.Value) < 0)
                {
                    Interlocked.Increment(ref violations);
                }

                barrier.SignalAndWait();
            }
        });

        Assert.Equal(0, violations);
    }
}
