using System;
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

    /// <summary>A struct whose Equals looks at its key only, as many entity-like structs do.</summary>
    private readonly struct Keyed(int id, string name) : IEquatable<Keyed>
    {
        public int Id => id;

        public string Name => name;

        public bool Equals(Keyed other) => Id == other.Id;

        public override bool Equals(object? obj) => obj is Keyed other && Equals(other);

        public override int GetHashCode() => Id;
    }

    [System.Runtime.CompilerServices.InlineArray(100)]
    private struct Buffer
    {
        private byte _element;
    }

    private readonly record struct Wrapper(string Text);

    [Fact]
    public void Values_that_are_equal_but_not_the_same_bits_are_written()
    {
        // Each pair is Equals-equal, and skipping the write would lose the part Equals ignores.
        Assert.False(Stm.Internal.Barrier.SameValue(1.0m, 1.00m));
        Assert.False(Stm.Internal.Barrier.SameValue(new DateTime(2024, 1, 1), DateTime.SpecifyKind(new DateTime(2024, 1, 1), DateTimeKind.Utc)));
        Assert.False(Stm.Internal.Barrier.SameValue(
            new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2))));
        Assert.False(Stm.Internal.Barrier.SameValue<double?>(0.0, -0.0));
        Assert.False(Stm.Internal.Barrier.SameValue((0.0, 1), (-0.0, 1)));
        Assert.False(Stm.Internal.Barrier.SameValue(new Keyed(1, "old"), new Keyed(1, "new")));
        Assert.False(Stm.Internal.Barrier.SameValue(new Wrapper("a"), new Wrapper(new string('a', 1))));
        var before = default(Buffer);
        var after = default(Buffer);
        after[99] = 7; // beyond the first 8 bytes: ValueType.Equals of a fixed buffer compared only the first element

        Assert.False(Stm.Internal.Barrier.SameValue(before, after));

        // The same bits, or the one reference a wrapper holds, are still silent.
        Assert.True(Stm.Internal.Barrier.SameValue(2.50m, 2.50m));
        Assert.True(Stm.Internal.Barrier.SameValue<double?>(-0.0, -0.0));
        Assert.True(Stm.Internal.Barrier.SameValue((1.5, 2), (1.5, 2)));
        Assert.True(Stm.Internal.Barrier.SameValue(after, after));
        Assert.True(Stm.Internal.Barrier.SameValue(DayOfWeek.Friday, DayOfWeek.Friday));
        string text = "a";
        Assert.True(Stm.Internal.Barrier.SameValue(new Wrapper(text), new Wrapper(text)));
        var items = System.Collections.Immutable.ImmutableArray.Create(1, 2);
        Assert.True(Stm.Internal.Barrier.SameValue(items, items));
        Assert.False(Stm.Internal.Barrier.SameValue(items, System.Collections.Immutable.ImmutableArray.Create(1, 2)));
    }

    [Fact]
    public void A_write_that_Equals_the_held_value_is_committed_inside_and_outside_transactions()
    {
        var price = new Price();
        price.Amount = 1.0m;
        Atomic.Run(() => price.Amount = 1.00m);
        Assert.Equal("1.00", price.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));

        price.Amount = 2.0m;
        price.Amount = 2.000m; // outside: a one-write transaction each
        Assert.Equal("2.000", price.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Collections_commit_a_value_that_Equals_the_held_one()
    {
        var prices = new Stm.Collections.TDictionary<string, decimal>();
        var times = new Stm.Collections.TList<DateTimeOffset>();
        prices["a"] = 1.0m;
        times.Add(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Atomic.Run(() =>
        {
            prices["a"] = 1.00m;
            times[0] = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2));
        });
        Assert.Equal("1.00", prices["a"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(2), times[0].Offset);
    }
}
