using System;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class NestingTests
{
    [Fact]
    public void An_exception_in_a_nested_block_rolls_back_only_the_nested_writes()
    {
        var account = new Account(1, 0);
        var truck = new Truck { Name = "t", Speed = 1, Load = 1 };

        Atomic.Run(() =>
        {
            account.Balance = 1;
            truck.Speed = 10;
            var exception = Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
            {
                account.Balance = 2;
                truck.Load = 20; // derived property, base header
                truck.Speed = 20;
                throw new InvalidOperationException("nested");
            }));
            Assert.Equal("nested", exception.Message);
            Assert.Equal(1, account.Balance);
            Assert.Equal(10, truck.Speed);
            Assert.Equal(1, truck.Load);
        });

        Assert.Equal(1, account.Balance);
        Assert.Equal(10, truck.Speed);
        Assert.Equal(1, truck.Load);
    }

    [Fact]
    public void An_exception_escaping_the_top_level_block_rolls_everything_back()
    {
        var shelf = new Warehouse.Shelf { Items = 3 };
        Assert.Throws<ArithmeticException>(() => Atomic.Run(() =>
        {
            shelf.Items = 99;
            shelf.Next = new Warehouse.Shelf { Items = 1 };
            throw new ArithmeticException();
        }));

        Assert.Equal(3, shelf.Items);
        Assert.Null(shelf.Next);
    }

    [Fact]
    public void Objects_created_inside_a_block_are_published_by_its_commit()
    {
        var head = new Warehouse.Shelf();
        Atomic.Run(() =>
        {
            for (int i = 1; i <= 5; i++)
            {
                head.Next = new Warehouse.Shelf { Items = i, Next = head.Next };
            }
        });

        int sum = 0;
        for (Warehouse.Shelf? shelf = head.Next; shelf is not null; shelf = shelf.Next)
        {
            sum += shelf.Items;
        }

        Assert.Equal(15, sum);
    }
}
