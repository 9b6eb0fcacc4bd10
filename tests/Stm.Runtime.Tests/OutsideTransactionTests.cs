using System;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>Outside any atomic block each property access is its own atomic, sequentially consistent operation.</summary>
public class OutsideTransactionTests
{
    [Fact]
    public void A_write_outside_a_block_is_a_committed_transaction_visible_to_everyone()
    {
        var c = new Cell(1);
        StmStatistics before = Atomic.Statistics;
        c.Value = 2;
        Assert.Equal(1, Atomic.Statistics.Since(before).Commits);
        Assert.Equal(2, c.Value);
        Assert.Equal(2, Atomic.Run(() => c.Value));

        long seenElsewhere = 0;
        TestThreads.Start(() => seenElsewhere = c.Value)();
        Assert.Equal(2, seenElsewhere);
    }

    [Fact]
    public void Values_written_outside_are_seen_in_order_by_readers_outside()
    {
        const long Writes = 50_000;
        var c = new Cell(0);
        long regressions = 0;
        long reads = 0;
        int done = 0;

        TestThreads.Run(3, t =>
        {
            if (t == 0)
            {
                for (long i = 1; i <= Writes; i++)
                {
                    c.Value = i;
                }

                Volatile.Write(ref done, 1);
                return;
            }

            long last = 0;
            while (Volatile.Read(ref done) == 0)
            {
                long now = c.Value;
                if (now < last)
                {
                    Interlocked.Increment(ref regressions);
                }

                last = now;
                Interlocked.Increment(ref reads);
            }
        });

        Assert.Equal(0, regressions);
        Assert.Equal(Writes, c.Value);
    }

    [Fact]
    public void A_write_outside_invalidates_a_transaction_that_read_the_old_value()
    {
        var source = new Cell(10);
        var target = new Cell(0);
        using var hasRead = new ManualResetEventSlim();
        using var written = new ManualResetEventSlim();
        int attempts = 0;

        Action join = TestThreads.Start(() => Atomic.Run(() =>
        {
            int attempt = Interlocked.Increment(ref attempts);
            long seen = source.Value;
            if (attempt == 1)
            {
                hasRead.Set();
                written.Wait();
            }

            target.Value = seen + 1;
        }));

        hasRead.Wait();
        source.Value = 20;
        written.Set();
        join();

        Assert.Equal(2, attempts);
        Assert.Equal(21, target.Value);
    }

    [Fact]
    public void Uncommitted_writes_are_never_visible_outside()
    {
        var c = new Cell(5);
        using var wrote = new ManualResetEventSlim();
        using var checkedOutside = new ManualResetEventSlim();
        long seen = -1;

        Action join = TestThreads.Start(() => Assert.Throws<TimeoutException>(() => Atomic.Run(() =>
        {
            c.Value = 99;
            wrote.Set();
            checkedOutside.Wait();
            throw new TimeoutException("rolled back on purpose");
        })));

        wrote.Wait();
        seen = c.Value; // a read outside while another transaction owns the object
        checkedOutside.Set();
        join();

        Assert.Equal(5, seen);
        Assert.Equal(5, c.Value);
    }

    [Fact]
    public void A_decimal_property_is_never_read_torn_outside_while_another_thread_writes_it()
    {
        const int ReadsRequired = 1_000_000;
        const long MinWrites = 20_000;
        var price = new Price();
        price.Amount = Pattern(1);
        long torn = 0;
        long writes = 0;
        int readersDone = 0;

        TestThreads.Run(3, t =>
        {
            if (t == 0)
            {
                for (int k = 2; Volatile.Read(ref readersDone) < 2; k++)
                {
                    price.Amount = Pattern(k % 1_000_000 + 1);
                    Interlocked.Increment(ref writes);
                }

                return;
            }

            // Keep reading until both enough reads and enough concurrent writes have happened (reads are much
            // faster than writes, which are whole transactions).
            Span<int> bits = stackalloc int[4];
            for (int i = 0; i < ReadsRequired / 2 || Interlocked.Read(ref writes) < MinWrites; i++)
            {
                decimal.GetBits(price.Amount, bits);
                if (bits[0] != bits[1] || bits[1] != bits[2] || bits[0] == 0)
                {
                    Interlocked.Increment(ref torn);
                }
            }

            Interlocked.Increment(ref readersDone);
        });

        Assert.Equal(0, torn);
        Assert.True(Interlocked.Read(ref writes) >= MinWrites);
    }

    /// <summary>A decimal whose three 32-bit words are all <paramref name="k"/>: a torn read mixes two k's.</summary>
    private static decimal Pattern(int k) => new(k, k, k, isNegative: false, scale: 0);

    [Fact]
    public void Reads_outside_see_one_committed_state_of_a_derived_object()
    {
        var dog = new Dog();
        dog.Legs = 4;
        dog.Name = "Rex";
        Atomic.Run(() =>
        {
            dog.Tricks = 2;
            dog.Legs = 3;
        });
        Assert.Equal(3, dog.Legs);
        Assert.Equal(2, dog.Tricks);
        Assert.Equal("Rex", dog.Name);
    }
}
