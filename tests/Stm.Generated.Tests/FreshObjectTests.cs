using System;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

/// <summary>
/// Generated accessors read and write an object allocated by the current transaction level directly (their inline
/// <c>Barrier.IsFresh</c> test) and go through the barriers otherwise. An object stops being fresh for a nested
/// block, so the nested block's writes to it must still be undone when that block rolls back.
/// </summary>
public class FreshObjectTests
{
    [Fact]
    public void A_nested_block_that_rolls_back_undoes_its_writes_to_an_object_the_enclosing_level_created()
    {
        Warehouse.Shelf? kept = null;
        Atomic.Run(() =>
        {
            var shelf = new Warehouse.Shelf { Items = 1 }; // fresh for this level: written in place
            shelf.Items = 2;
            Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
            {
                shelf.Items = 3; // not fresh for the nested level: a private copy
                Assert.Equal(3, shelf.Items);
                throw new InvalidOperationException("roll the nested block back");
            }));

            Assert.Equal(2, shelf.Items);
            kept = shelf;
        });

        Assert.Equal(2, kept!.Items);
    }

    [Fact]
    public void An_object_created_in_a_committed_nested_block_keeps_its_values_and_stays_writable()
    {
        Warehouse.Shelf? made = null;
        Atomic.Run(() =>
        {
            Atomic.Run(() =>
            {
                made = new Warehouse.Shelf { Items = 5 };
                made.Items += 1;
            });

            Assert.Equal(6, made!.Items);
            made.Items += 1;
            Assert.Equal(7, made.Items);
        });

        Assert.Equal(7, made!.Items);
        Assert.Equal(7, Atomic.Run(() => made.Items));
    }

    [Fact]
    public void OrElse_drops_the_writes_of_the_retried_alternative_to_an_object_created_before_it()
    {
        int seen = Atomic.Run(() =>
        {
            var shelf = new Warehouse.Shelf { Items = 10 };
            return Atomic.OrElse(
                () =>
                {
                    shelf.Items = 20;
                    Atomic.Retry();
                    return -1;
                },
                () => shelf.Items);
        });

        Assert.Equal(10, seen);
    }

    [Fact]
    public void After_its_transaction_commits_an_object_is_no_longer_fresh_for_the_next_one()
    {
        // The next transaction must write a private copy: a conflict-free concurrent reader never sees a value
        // that its own snapshot did not contain, and a rolled-back writer leaves the committed value in place.
        Warehouse.Shelf shelf = Atomic.Run(() => new Warehouse.Shelf { Items = 1 });
        Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
        {
            shelf.Items = 2;
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal(1, shelf.Items);
    }
}
