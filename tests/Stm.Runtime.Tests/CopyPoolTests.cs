using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Private copies are recycled between a segment's transactions and refilled from the object they copy. A copy
/// that kept another object's values, or a subclass's copy reused for its base class, would publish wrong fields.
/// </summary>
public class CopyPoolTests
{
    [Fact]
    public void A_recycled_copy_is_refilled_from_the_object_it_now_copies()
    {
        var x = new Account("x", 0);
        var y = new Account("y", 0);
        var a = new Account("a", 1) { Next = x };
        var b = new Account("b", 2) { Next = y };

        (Segment first, object firstCopy) = Atomic.Run(() =>
        {
            a.Balance = 5; // Next is not written: the copy carries a's Next
            return (Segment.Current!, Segment.Current!.Writes.CopyAt(0));
        });
        (Segment second, object secondCopy) = Atomic.Run(() =>
        {
            b.Balance = 6; // the spare that held a's fields must now hold b's
            Assert.Same(y, b.Next);
            return (Segment.Current!, Segment.Current!.Writes.CopyAt(0));
        });

        Assert.Equal(5, a.Balance);
        Assert.Same(x, a.Next);
        Assert.Equal(6, b.Balance);
        Assert.Same(y, b.Next);
        if (ReferenceEquals(first, second))
        {
            Assert.Same(firstCopy, secondCopy); // same segment: the first copy was recycled
        }
    }

    [Fact]
    public void Copies_are_reused_only_for_the_same_runtime_type()
    {
        var animal = new Animal { Legs = 4 };
        var dog = new Dog { Legs = 4, Tricks = 7, Name = "Rex" };

        Atomic.Run(() => animal.Legs = 3);
        Atomic.Run(() => dog.Legs = 3); // must not reuse the Animal copy, which has no Tricks or Name
        Atomic.Run(() => animal.Legs = 2); // may reuse the first Animal copy, never the Dog one

        Assert.Equal(2, animal.Legs);
        Assert.Equal(3, dog.Legs);
        Assert.Equal(7, dog.Tricks);
        Assert.Equal("Rex", dog.Name);
    }

    [Fact]
    public void A_transaction_writing_many_objects_of_one_type_gets_a_copy_per_object()
    {
        var accounts = new Account[10];
        for (int i = 0; i < accounts.Length; i++)
        {
            accounts[i] = new Account("n" + i, i) { Next = i == 0 ? null : accounts[i - 1] };
        }

        for (int round = 1; round <= 3; round++)
        {
            int r = round;
            Atomic.Run(() =>
            {
                foreach (Account account in accounts)
                {
                    account.Balance += r * 100;
                }
            });
        }

        for (int i = 0; i < accounts.Length; i++)
        {
            Assert.Equal(i + 600, accounts[i].Balance);
            Assert.Same(i == 0 ? null : accounts[i - 1], accounts[i].Next);
        }
    }
    [Fact]
    public void A_copy_left_by_a_rolled_back_nested_block_is_refilled_for_the_next_write()
    {
        var x = new Account("x", 0);
        var a = new Account("a", 1);
        var b = new Account("b", 2) { Next = x };
        var c = new Account("c", 3);

        Atomic.Run(() =>
        {
            a.Balance = 10; // entry 0
            Assert.Throws<System.InvalidOperationException>(() => Atomic.Run(() =>
            {
                b.Balance = 20; // entry 1, rolled back: the entry keeps its copy, holding b's values
                throw new System.InvalidOperationException("roll the nested block back");
            }));
            Assert.Equal(2, b.Balance);
            c.Balance = 30; // entry 1 again: the copy must now hold c's values, not b's
            Assert.Null(c.Next);
        });

        Assert.Equal(10, a.Balance);
        Assert.Equal(2, b.Balance);
        Assert.Same(x, b.Next);
        Assert.Equal(30, c.Balance);
        Assert.Null(c.Next);
    }

    [Fact]
    public void Transactions_writing_more_objects_than_the_log_keeps_copies_for_stay_correct()
    {
        // Beyond WriteLog.RetainedCopies the entries give their copies back to the pool; classes alternate, so kept
        // copies keep meeting objects of the other class.
        int count = 3 * WriteLog.RetainedCopies + 1;
        var animals = new Animal[count];
        for (int i = 0; i < count; i++)
        {
            animals[i] = i % 3 == 0 ? new Dog { Legs = i, Tricks = i, Name = "d" + i } : new Animal { Legs = i };
        }

        for (int round = 1; round <= 4; round++)
        {
            int r = round;
            int written = round % 2 == 0 ? count : WriteLog.RetainedCopies / 2; // long and short transactions in turn
            Atomic.Run(() =>
            {
                for (int i = 0; i < written; i++)
                {
                    animals[(i + r) % count].Legs += 1000;
                }

                var copies = new System.Collections.Generic.HashSet<object>(System.Collections.Generic.ReferenceEqualityComparer.Instance);
                for (int i = 0; i < Segment.Current!.Writes.Count; i++)
                {
                    Assert.True(copies.Add(Segment.Current.Writes.CopyAt(i)), "two entries share a copy");
                }
            });
        }

        long[] expected = new long[count];
        for (int i = 0; i < count; i++)
        {
            expected[i] = i;
        }

        for (int round = 1; round <= 4; round++)
        {
            int written = round % 2 == 0 ? count : WriteLog.RetainedCopies / 2;
            for (int i = 0; i < written; i++)
            {
                expected[(i + round) % count] += 1000;
            }
        }

        for (int i = 0; i < count; i++)
        {
            Assert.Equal(expected[i], animals[i].Legs);
            if (animals[i] is Dog dog)
            {
                Assert.Equal(i, dog.Tricks);
                Assert.Equal("d" + i, dog.Name);
            }
        }
    }
}

/// <summary>The pool on its own, with two runtime types that share a bucket.</summary>
public class CopyPoolBucketTests
{
    [Fact]
    public void A_spare_of_another_type_in_the_same_bucket_is_never_handed_out()
    {
        (object first, object second) = TwoCellsOfTypesSharingABucket();
        var pool = new CopyPool();

        pool.Return(((Stm.Internal.ITransactionalObject)first).StmClone());
        object copy = pool.CopyOf((Stm.Internal.ITransactionalObject)second);

        Assert.Same(second.GetType(), copy.GetType());
        Assert.Same(first.GetType(), pool.CopyOf((Stm.Internal.ITransactionalObject)first).GetType());
    }

    /// <summary>TxCell instantiations over many value types: more types than buckets, so two must share one.</summary>
    private static (object, object) TwoCellsOfTypesSharingABucket()
    {
        var seen = new System.Collections.Generic.Dictionary<int, object>();
        var property = Stm.Internal.TransactionalProperty.Register(typeof(CopyPoolBucketTests), "Cell");
        foreach (System.Type element in CandidateTypes())
        {
            System.Type cellType = typeof(Stm.Collections.TxCell<>).MakeGenericType(element);
            object cell = System.Activator.CreateInstance(
                cellType,
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic,
                binder: null,
                args: [element.IsValueType ? System.Activator.CreateInstance(element) : null, property],
                culture: null)!;
            int bucket = CopyPool.BucketOf(cell); // the pool's own mapping, so the test follows it if it changes
            if (seen.TryGetValue(bucket, out object? other))
            {
                return (other, cell);
            }

            seen[bucket] = cell;
        }

        throw new System.InvalidOperationException("no two types shared a bucket");
    }

    private static System.Collections.Generic.IEnumerable<System.Type> CandidateTypes()
    {
        System.Type[] bases = [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(char), typeof(double), typeof(float), typeof(decimal), typeof(System.Guid), typeof(System.DateTime), typeof(System.TimeSpan)];
        foreach (System.Type b in bases)
        {
            yield return b;
        }

        foreach (System.Type a in bases)
        {
            foreach (System.Type b in bases)
            {
                yield return typeof(System.ValueTuple<,>).MakeGenericType(a, b);
            }
        }
    }
}
