using System.Linq;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Progress: a long transaction amid short conflicting ones escalates (priority, then inevitability) and
/// commits within a bounded number of attempts instead of starving.
/// </summary>
public class StarvationTests
{
    [Fact]
    public void A_long_transaction_amid_short_conflicting_writers_commits_within_a_bounded_number_of_attempts()
    {
        const int CellCount = 10_000;
        const int Writers = 3;
        const int Runs = 3;
        const long PerCell = 100;
        Cell[] cells = Atomic.Run(() => Enumerable.Range(0, CellCount).Select(_ => new Cell(PerCell)).ToArray());
        var result = new Cell(0);
        int longDone = 0;
        long writerCommits = 0;
        int[] attempts = new int[Runs];
        long brokenSums = 0;
        int bound = StmOptions.InevitableAfterConflicts + 1;

        TestThreads.Run(Writers + 1, t =>
        {
            if (t < Writers)
            {
                // Short transfers between random cells: each commit invalidates the long reader if it already read them.
                var rng = new System.Random(500 + t);
                while (Volatile.Read(ref longDone) == 0)
                {
                    Cell from = cells[rng.Next(CellCount)];
                    Cell to = cells[rng.Next(CellCount)];
                    Atomic.Run(() =>
                    {
                        from.Value -= 1;
                        to.Value += 1;
                    });
                    Interlocked.Increment(ref writerCommits);
                }

                return;
            }

            RetryTests.WaitUntil(() => Interlocked.Read(ref writerCommits) > 1_000); // the writers are in full swing
            for (int run = 0; run < Runs; run++)
            {
                int index = run;
                Atomic.Run(() =>
                {
                    attempts[index]++;
                    long sum = 0;
                    for (int i = 0; i < CellCount; i++)
                    {
                        sum += cells[i].Value;
                        if (i % 2_000 == 1_999)
                        {
                            // A long transaction gets preempted: on a busy machine the writers run meanwhile
                            // (and on 2 cores they would otherwise rarely overlap with a ~1 ms read loop).
                            Thread.Sleep(1);
                        }
                    }

                    if (sum != CellCount * PerCell)
                    {
                        Interlocked.Increment(ref brokenSums); // opacity holds for the long one too
                    }

                    result.Value = sum + index;
                });
            }

            Volatile.Write(ref longDone, 1);
        });

        Assert.All(attempts, a => Assert.InRange(a, 1, bound));
        Assert.True(attempts.Sum() > Runs, $"the long transaction never conflicted (attempts {string.Join(", ", attempts)}): the test did not exercise starvation");
        Assert.Equal(0, brokenSums);
        Assert.Equal(CellCount * PerCell + Runs - 1, result.Value);
        Assert.Equal(CellCount * PerCell, Atomic.Run(() => cells.Sum(c => c.Value)));
    }
}
