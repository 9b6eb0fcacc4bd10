using System;
using Stm.Internal;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>API misuse fails fast with an exception that says what to do.</summary>
public class MisuseTests
{
    [Fact]
    public void Retry_outside_a_transaction_throws_and_says_to_use_Atomic_Run()
    {
        var ex = Assert.Throws<InvalidOperationException>(Atomic.Retry);
        Assert.Contains("Atomic.Run", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Retry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BecomeInevitable_outside_a_transaction_throws_and_says_what_to_do()
    {
        var ex = Assert.Throws<InvalidOperationException>(Atomic.BecomeInevitable);
        Assert.Contains("Atomic.Run", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BecomeInevitable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnCommit_and_OnAbort_outside_a_transaction_throw_and_say_what_to_do()
    {
        var commit = Assert.Throws<InvalidOperationException>(() => Atomic.OnCommit(() => { }));
        Assert.Contains("Atomic.Run", commit.Message, StringComparison.Ordinal);
        Assert.Contains("run the action directly", commit.Message, StringComparison.Ordinal);

        var abort = Assert.Throws<InvalidOperationException>(() => Atomic.OnAbort(() => { }));
        Assert.Contains("Atomic.Run", abort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misuse_outside_a_transaction_inside_a_handler_also_throws()
    {
        Exception? fromHandler = null;
        Atomic.Run(() => Atomic.OnCommit(() => fromHandler = Record(Atomic.Retry)));
        Assert.IsType<InvalidOperationException>(fromHandler);
    }

    [Fact]
    public void Null_bodies_and_handlers_throw_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Atomic.Run((Action)null!));
        Assert.Throws<ArgumentNullException>(() => Atomic.Run((Func<int>)null!));
        Assert.Throws<ArgumentNullException>(() => Atomic.OrElse(null!, () => { }));
        Assert.Throws<ArgumentNullException>(() => Atomic.OrElse(() => { }, null!));
        Assert.Throws<ArgumentNullException>(() => Atomic.OrElse<int>(null!, () => 1));
        Assert.Throws<ArgumentNullException>(() => Atomic.OrElse<int>(() => 1, null!));
        Assert.Throws<ArgumentNullException>(() => Atomic.OnCommit(null!));
        Assert.Throws<ArgumentNullException>(() => Atomic.OnAbort(null!));

        // Inside a transaction too, and the transaction is not left half-done.
        var c = new Cell(0);
        Assert.Throws<ArgumentNullException>(() => Atomic.Run(() =>
        {
            c.Value = 1;
            Atomic.OnCommit(null!);
        }));
        Assert.Throws<ArgumentNullException>(() => Atomic.Run(() => Atomic.Run((Action)null!)));
        Assert.Equal(0, c.Value);
        Assert.False(Atomic.InTransaction);
    }

    [Fact]
    public void Retry_after_BecomeInevitable_throws_and_says_to_retry_first()
    {
        var c = new Cell(0);
        var ex = Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
        {
            _ = c.Value;
            Atomic.BecomeInevitable();
            Atomic.Retry();
        }));
        Assert.Contains("before BecomeInevitable", ex.Message, StringComparison.Ordinal);

        // The inevitable attempt was rolled back and released the commit lock.
        Atomic.Run(() => c.Value = 3);
        Assert.Equal(3, c.Value);
    }

    [Fact]
    public void Retry_before_reading_anything_throws_instead_of_blocking_forever()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Atomic.Run(Atomic.Retry));
        Assert.Contains("before the transaction read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InTransaction_tracks_the_calling_thread()
    {
        Assert.False(Atomic.InTransaction);
        bool inside = Atomic.Run(() => Atomic.InTransaction);
        bool nested = Atomic.Run(() => Atomic.Run(() => Atomic.InTransaction));
        Assert.True(inside);
        Assert.True(nested);
        Assert.False(Atomic.InTransaction);
    }

    [Fact]
    public void Options_reject_out_of_range_values_and_the_segment_count_is_fixed_once_transactions_ran()
    {
        Atomic.Run(() => { });
        Assert.Throws<ArgumentOutOfRangeException>(() => StmOptions.SegmentCount = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => StmOptions.SegmentCount = 1025);
        var ex = Assert.Throws<InvalidOperationException>(() => StmOptions.SegmentCount = StmOptions.SegmentCount);
        Assert.Contains("before the first transaction", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => StmOptions.InevitableAfterConflicts = 0);
    }

    [Fact]
    public void The_write_barrier_outside_a_transaction_throws_and_says_to_use_Atomic_Run()
    {
        // Generated setters route writes outside transactions to Barrier.WriteOutside; a caller that reaches the
        // write barrier itself without a transaction (either overload) gets an error, never a silent in-place write.
        var raw = new RawObject();
        Assert.Null(Barrier.CurrentTransaction);
        var passed = Assert.Throws<InvalidOperationException>(() => Barrier.OpenWrite(Barrier.CurrentTransaction, ref raw.Header, raw, RawObject.Property));
        var looked = Assert.Throws<InvalidOperationException>(() => Barrier.OpenWrite(ref raw.Header, raw, RawObject.Property));
        Assert.Contains("Atomic.Run", passed.Message, StringComparison.Ordinal);
        Assert.Contains("Atomic.Run", looked.Message, StringComparison.Ordinal);
        Assert.True(Atomic.Run(() => Barrier.CurrentTransaction is not null));
    }

    /// <summary>A minimal transactional object written by hand, to call the barriers directly.</summary>
    private sealed class RawObject : ITransactionalObject
    {
        public static readonly TransactionalProperty Property = TransactionalProperty.Register(typeof(RawObject), "Value");

        public TxHeader Header = TxHeader.Create();

        ref TxHeader ITransactionalObject.StmHeader => ref Header;

        object ITransactionalObject.StmClone() => MemberwiseClone();

        void ITransactionalObject.StmPublish(object copy)
        {
        }
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
