using System.Linq;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// No deadlock and no livelock: transactions that take write locks in opposite orders, on more threads than there
/// are segments, all finish (the thread helper fails the test if any thread is stuck for a minute).
/// </summary>
public class DeadlockFreedomTests
{
    [Fact]
    public void Writers_locking_the_same_objects_in_random_orders_all_commit()
    {
        const int Threads = 6;
        const int PerThread = 5_000;
        const int Objects = 6;
        Cell[] cells = Atomic.Run(() => Enumerable.Range(0, Objects).Select(_ => new Cell(0)).ToArray());
        StmStatistics before = Atomic.Statistics;

        TestThreads.Run(Threads, t =>
        {
            var rng = new System.Random(31 * t + 7);
            for (int i = 0; i < PerThread; i++)
            {
                int[] order = Enumerable.Range(0, Objects).OrderBy(_ => rng.Next()).ToArray();
                Atomic.Run(() =>
                {
                    foreach (int index in order)
                    {
                        cells[index].Value += 1;
                        System.Threading.Thread.SpinWait(10); // hold the locks taken so far a little while
                    }
                });
            }
        });

        Assert.All(cells, c => Assert.Equal(Threads * PerThread, c.Value));
        Assert.True(Atomic.Statistics.Since(before).WriteWriteAborts > 0);
    }

    [Fact]
    public void A_writer_holding_an_object_does_not_hold_up_a_reader_of_it()
    {
        // Writers never block readers: an owner that holds an object indefinitely (here: blocked inside its
        // transaction) must not hold up a transaction reading it, which reads the committed value instead. (A
        // contention policy that waits for the owner, tried for the hot-spot workloads, must keep that wait bounded.)
        var cell = new Cell(5);
        using var ownerHolds = new System.Threading.ManualResetEventSlim();
        using var release = new System.Threading.ManualResetEventSlim();
        var owner = new System.Threading.Thread(() => Atomic.Run(() =>
        {
            cell.Value = 6;
            ownerHolds.Set();
            release.Wait();
        }));
        owner.Start();
        Assert.True(ownerHolds.Wait(System.TimeSpan.FromSeconds(30)));

        long seen = -1;
        var reader = new System.Threading.Thread(() => seen = Atomic.Run(() => cell.Value)) { IsBackground = true };
        reader.Start();
        bool finished = reader.Join(System.TimeSpan.FromSeconds(10));
        release.Set();
        owner.Join();

        Assert.True(finished, "the reader waited for the owner's commit instead of reading the committed value");
        Assert.Equal(5, seen);
        Assert.Equal(6, Atomic.Run(() => cell.Value));
    }

    [Fact]
    public void Many_more_threads_than_segments_share_the_pool_without_losing_a_transfer()
    {
        int threads = StmOptions.SegmentCount * 3;
        const int PerThread = 3_000;
        Account[] accounts = Enumerable.Range(0, 16).Select(i => new Account("p" + i, 500)).ToArray();
        StmStatistics before = Atomic.Statistics;

        TestThreads.Run(threads, t =>
        {
            var rng = new System.Random(t);
            for (int i = 0; i < PerThread; i++)
            {
                Account from = accounts[rng.Next(accounts.Length)];
                Account to = accounts[rng.Next(accounts.Length)];
                Atomic.Run(() =>
                {
                    from.Balance -= 3;
                    to.Balance += 3;
                });
            }
        });

        Assert.Equal(16 * 500, Atomic.Run(() => accounts.Sum(a => a.Balance)));
        Assert.Equal((long)threads * PerThread + 1, Atomic.Statistics.Since(before).Commits);
    }
}
