using System;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>User exceptions: the whole body (top level) or only the nested body (closed nesting) is rolled back.</summary>
public class ExceptionTests
{
    private sealed class Boom : Exception
    {
        public Boom()
            : base("boom")
        {
        }
    }

    [Fact]
    public void A_throwing_body_leaves_no_write_visible_and_the_exception_escapes_unchanged()
    {
        var a = new Cell(1);
        var b = new Cell(2);
        var boom = new Boom();
        StmStatistics before = Atomic.Statistics;

        Boom thrown = Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            a.Value = 10;
            b.Value = 20;
            Assert.Equal(10, a.Value); // the body sees its own writes
            throw boom;
        }));

        Assert.Same(boom, thrown);
        Assert.Equal(1, a.Value);
        Assert.Equal(2, b.Value);
        Assert.Equal((1L, 2L), Atomic.Run(() => (a.Value, b.Value)));
        StmStatistics delta = Atomic.Statistics.Since(before);
        Assert.Equal(1, delta.UserExceptionRollbacks);
        Assert.Equal(0, delta.Aborts); // a user exception is not a conflict and is not retried
    }

    [Fact]
    public void A_throwing_Run_of_T_returns_nothing_and_writes_nothing()
    {
        var a = new Cell(5);
        Assert.Throws<Boom>(() => Atomic.Run<long>(() =>
        {
            a.Value = 6;
            throw new Boom();
        }));
        Assert.Equal(5, a.Value);
    }

    [Fact]
    public void Writes_to_objects_allocated_in_a_throwing_body_are_not_published()
    {
        var root = new Account("root", 0);
        Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            var fresh = new Account("fresh", 7);
            root.Next = fresh;
            throw new Boom();
        }));
        Assert.Null(root.Next);
    }

    [Fact]
    public void A_caught_nested_exception_rolls_back_only_the_nested_writes()
    {
        var outerOnly = new Cell(1);
        var shared = new Cell(1);
        var nestedOnly = new Cell(1);

        Atomic.Run(() =>
        {
            outerOnly.Value = 2;
            shared.Value = 2;
            Assert.Throws<Boom>(() => Atomic.Run(() =>
            {
                shared.Value = 3;
                nestedOnly.Value = 3;
                outerOnly.Value += 0; // a silent write inside the nested block changes nothing
                Assert.Equal(3, shared.Value);
                throw new Boom();
            }));

            // Inside the outer body, after the rollback: the outer writes stand, the nested ones are gone.
            Assert.Equal(2, outerOnly.Value);
            Assert.Equal(2, shared.Value);
            Assert.Equal(1, nestedOnly.Value);
            shared.Value += 10;
        });

        Assert.Equal(2, outerOnly.Value);
        Assert.Equal(12, shared.Value);
        Assert.Equal(1, nestedOnly.Value);
    }

    [Fact]
    public void A_caught_nested_exception_restores_objects_the_outer_body_allocated_and_wrote_before_it()
    {
        var root = new Account("root", 0);
        Atomic.Run(() =>
        {
            var outerFresh = new Account("outer", 100);
            outerFresh.Balance = 150;
            root.Next = outerFresh;
            Assert.Throws<Boom>(() => Atomic.Run(() =>
            {
                outerFresh.Balance = 999;
                outerFresh.Next = new Account("lost", 1);
                throw new Boom();
            }));

            Assert.Equal(150, outerFresh.Balance);
            Assert.Null(outerFresh.Next);
            outerFresh.Balance += 1;
        });

        Account committed = root.Next!;
        Assert.Equal("outer", committed.Id);
        Assert.Equal(151, committed.Balance);
        Assert.Null(committed.Next);
    }

    [Fact]
    public void A_caught_nested_exception_unlinks_objects_allocated_inside_the_nested_block()
    {
        var head = new Node(0, null);
        Atomic.Run(() =>
        {
            Assert.Throws<Boom>(() => Atomic.Run(() =>
            {
                var inner = new Node(1, null);
                inner.Key = 2;
                head.Next = inner;
                throw new Boom();
            }));

            Assert.Null(head.Next);
        });

        Assert.Null(head.Next);
    }

    [Fact]
    public void Objects_allocated_by_a_committed_nested_block_are_restored_when_a_later_nested_block_throws()
    {
        var head = new Node(0, null);
        Atomic.Run(() =>
        {
            Node first = Atomic.Run(() =>
            {
                var n = new Node(1, null);
                head.Next = n;
                return n;
            });

            Assert.Throws<Boom>(() => Atomic.Run(() =>
            {
                first.Key = 42;
                first.Next = new Node(2, null);
                throw new Boom();
            }));

            Assert.Equal(1, first.Key);
            Assert.Null(first.Next);
        });

        Node committed = head.Next!;
        Assert.Equal(1, committed.Key);
        Assert.Null(committed.Next);
    }

    [Fact]
    public void Rollback_of_a_doubly_nested_block_keeps_the_middle_level_writes()
    {
        var c = new Cell(0);
        Atomic.Run(() =>
        {
            c.Value = 1;
            Atomic.Run(() =>
            {
                c.Value = 2;
                Assert.Throws<Boom>(() => Atomic.Run(() =>
                {
                    c.Value = 3;
                    throw new Boom();
                }));
                Assert.Equal(2, c.Value);
                c.Value = 4;
            });
            Assert.Equal(4, c.Value);
        });
        Assert.Equal(4, c.Value);
    }

    [Fact]
    public void A_nested_exception_that_escapes_the_outer_body_rolls_everything_back()
    {
        var c = new Cell(0);
        Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            c.Value = 1;
            Atomic.Run(() =>
            {
                c.Value = 2;
                throw new Boom();
            });
        }));
        Assert.Equal(0, c.Value);
    }

    [Fact]
    public void An_enclosing_filter_runs_before_the_nested_rollback_and_its_catch_after_it()
    {
        // The documented order (Atomic.Run's remarks): the nested block is undone the way a finally block runs.
        var c = new Cell(0);
        long seenByFilter = -1;
        long seenByCatch = -1;
        Atomic.Run(() =>
        {
            c.Value = 1;
            try
            {
                Atomic.Run(() =>
                {
                    c.Value = 2;
                    throw new Boom();
                });
            }
            catch (Boom) when (Record(out seenByFilter, c.Value))
            {
                seenByCatch = c.Value;
            }
        });

        Assert.Equal(2, seenByFilter);
        Assert.Equal(1, seenByCatch);
        Assert.Equal(1, c.Value);

        static bool Record(out long seen, long value)
        {
            seen = value;
            return true;
        }
    }

    [Fact]
    public void A_derived_object_rolls_back_base_and_derived_properties_together()
    {
        var dog = new Dog();
        Atomic.Run(() =>
        {
            dog.Legs = 4;
            dog.Tricks = 1;
            dog.Name = "Rex";
        });
        Assert.Throws<Boom>(() => Atomic.Run(() =>
        {
            dog.Legs = 3;
            dog.Tricks = 9;
            dog.Name = "Ghost";
            throw new Boom();
        }));
        Assert.Equal((4L, 1L, "Rex"), Atomic.Run(() => (dog.Legs, dog.Tricks, dog.Name)));
        Assert.Equal("Rex", dog.Name);
    }
}
