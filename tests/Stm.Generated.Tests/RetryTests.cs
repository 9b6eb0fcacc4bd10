using System;
using System.Threading;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class RetryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Retry_blocks_until_another_commit_changes_what_was_read()
    {
        var box = new Mailbox();
        int received = 0;
        var taker = new Thread(() => received = box.Take());
        taker.Start();

        Thread.Sleep(50); // let the taker block on the empty mailbox
        Assert.True(taker.IsAlive);
        box.Put(42);

        Assert.True(taker.Join(Patience), "the taker was never woken");
        Assert.Equal(42, received);
        Assert.Null(box.Item);
    }

    [Fact]
    public void OrElse_runs_the_alternative_when_the_first_branch_retries()
    {
        var empty = new Mailbox();
        var full = new Mailbox();
        full.Put(7);

        int value = Atomic.Run(() => Atomic.OrElse(() => empty.Take(), () => full.Take()));

        Assert.Equal(7, value);
        Assert.Null(full.Item);
    }

    [Fact]
    public void OrElse_where_both_branches_retry_wakes_up_on_a_commit_to_either()
    {
        var first = new Mailbox();
        var second = new Mailbox();
        int received = 0;
        var taker = new Thread(() => received = Atomic.Run(() => Atomic.OrElse(() => first.Take(), () => second.Take())));
        taker.Start();

        Thread.Sleep(50);
        second.Put(5);

        Assert.True(taker.Join(Patience), "the taker was never woken");
        Assert.Equal(5, received);
    }

    [Fact]
    public void Producers_and_consumers_hand_over_every_item_exactly_once()
    {
        var box = new Mailbox();
        const int items = 2_000;
        long sum = 0;
        var consumers = new Thread[2];
        for (int c = 0; c < consumers.Length; c++)
        {
            consumers[c] = new Thread(() =>
            {
                for (int i = 0; i < items / consumers.Length; i++)
                {
                    Interlocked.Add(ref sum, box.Take());
                }
            });
            consumers[c].Start();
        }

        for (int i = 1; i <= items; i++)
        {
            box.Put(i);
        }

        foreach (Thread consumer in consumers)
        {
            Assert.True(consumer.Join(Patience));
        }

        Assert.Equal((long)items * (items + 1) / 2, sum);
    }
}
