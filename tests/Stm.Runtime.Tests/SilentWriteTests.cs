using System.Linq;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>Silent writes (the value the property already holds) are reads, not writes: they conflict with nobody.</summary>
public class SilentWriteTests
{
    [Fact]
    public void Rewriting_the_same_values_in_a_loop_never_aborts_concurrent_long_readers()
    {
        const int ReaderTransactions = 200;
        var hot = new Cell(5);
        var owner = new Account("owner", 10);
        var link = new Account("link", 0);
        Atomic.Run(() => owner.Next = link);
        Cell[] others = Atomic.Run(() => Enumerable.Range(0, 1_000).Select(i => new Cell(i)).ToArray());
        int readerDone = 0;
        long readerAttempts = 0;
        long silentWrites = 0;
        long readerTransactions = 0;
        long wrongValues = 0;
        StmStatistics before = Atomic.Statistics;
        long clockBefore = GlobalClock.Now;

        TestThreads.Run(2, t =>
        {
            if (t == 0)
            {
                while (Volatile.Read(ref readerDone) == 0)
                {
                    Atomic.Run(() =>
                    {
                        hot.Value = 5;
                        owner.Balance = 10;
                        owner.Next = link; // same reference
                    });
                    Interlocked.Increment(ref silentWrites);
                }

                return;
            }

            // At least ReaderTransactions, and on until the writer has really been rewriting meanwhile.
            for (; readerTransactions < ReaderTransactions || Interlocked.Read(ref silentWrites) < 1_000; readerTransactions++)
            {
                Atomic.Run(() =>
                {
                    Interlocked.Increment(ref readerAttempts);
                    long total = hot.Value + owner.Balance;
                    foreach (Cell cell in others)
                    {
                        total += cell.Value;
                    }

                    Thread.SpinWait(200); // a long transaction: plenty of time for the writer to commit meanwhile
                    total += hot.Value + owner.Balance + (owner.Next == link ? 0 : 1_000_000);
                    if (total != 30 + 999 * 1_000 / 2)
                    {
                        Interlocked.Increment(ref wrongValues);
                    }
                });
            }

            Volatile.Write(ref readerDone, 1);
        });

        StmStatistics delta = Atomic.Statistics.Since(before);
        Assert.True(silentWrites >= 1_000);
        Assert.Equal(0, wrongValues);
        Assert.Equal(readerTransactions, readerAttempts); // not one reader attempt was aborted
        Assert.Equal(0, delta.ReadWriteAborts);
        Assert.Equal(0, delta.WriteWriteAborts);
        Assert.Equal(clockBefore, GlobalClock.Now); // nothing was published: every silent write was only a read
    }

    [Fact]
    public void A_silent_write_outside_any_transaction_publishes_nothing_and_aborts_no_reader()
    {
        var c = new Cell(5);
        var other = new Cell(0);
        long readerAttempts = 0;
        long clockBefore = GlobalClock.Now;
        using var readerIsInside = new ManualResetEventSlim();
        using var writesDone = new ManualResetEventSlim();
        var reader = new Thread(() => Atomic.Run(() =>
        {
            Interlocked.Increment(ref readerAttempts);
            long seen = c.Value;
            readerIsInside.Set();
            writesDone.Wait();
            other.Value = seen + 1; // a writing transaction: it validates its read of c at commit
        }));
        reader.Start();
        readerIsInside.Wait();
        for (int i = 0; i < 1_000; i++)
        {
            c.Value = 5; // outside any transaction, the value it already holds
        }

        writesDone.Set();
        reader.Join();
        Assert.Equal(1, Interlocked.Read(ref readerAttempts));
        Assert.Equal(6, other.Value);
        Assert.Equal(clockBefore + 2, GlobalClock.Now); // only the reader's own commit was published
    }

    [Fact]
    public void Writing_a_value_back_after_changing_it_is_not_silent()
    {
        var c = new Cell(1);
        long clockBefore = GlobalClock.Now;
        Atomic.Run(() =>
        {
            c.Value = 2;
            c.Value = 1; // same as the committed value, but not as the transaction's own
        });
        Assert.Equal(1, c.Value);
        Assert.True(GlobalClock.Now > clockBefore);
    }

    [Fact]
    public void Floating_point_silence_compares_bits()
    {
        Assert.True(Stm.Internal.Barrier.SameValue(1.5, 1.5));
        Assert.False(Stm.Internal.Barrier.SameValue(0.0, -0.0)); // -0.0 must still replace 0.0
        Assert.True(Stm.Internal.Barrier.SameValue(double.NaN, double.NaN)); // rewriting NaN changes nothing
        Assert.False(Stm.Internal.Barrier.SameValue(0.0f, -0.0f));
        Assert.False(Stm.Internal.Barrier.SameValue("a", new string('a', 1))); // references compare by identity
        Assert.True(Stm.Internal.Barrier.SameValue(3m, 3m));
    }
}
