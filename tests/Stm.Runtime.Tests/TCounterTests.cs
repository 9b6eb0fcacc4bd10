using System;
using System.Linq;
using System.Threading;
using Stm.Collections;
using Xunit;

namespace Stm.Runtime.Tests;

public class TCounterTests
{
    [Fact]
    public void Concurrent_adds_are_exact_and_never_conflict()
    {
        var counter = new TCounter();
        var before = Atomic.Statistics;
        const int Threads = 4, PerThread = 50_000;
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                Atomic.Run(() => counter.Add(1));
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();

        Assert.Equal(Threads * PerThread, counter.Value);
        var delta = Atomic.Statistics.Since(before);
        Assert.Equal(Threads * PerThread, delta.Commits);
        Assert.Equal(0, delta.Aborts);
    }

    [Fact]
    public void Reader_sees_a_stable_value_while_adders_commit()
    {
        var counter = new TCounter();
        using var stop = new CancellationTokenSource();
        var adder = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Atomic.Run(() => { counter.Add(2); counter.Add(-1); });
            }
        });
        adder.Start();
        int violations = 0;
        for (int i = 0; i < 20_000; i++)
        {
            Atomic.Run(() =>
            {
                long first = counter.Value;
                Thread.SpinWait(50);
                if (counter.Value != first)
                {
                    Interlocked.Increment(ref violations);
                }
            });
        }

        stop.Cancel();
        adder.Join();
        Assert.Equal(0, violations);
        Assert.True(counter.Value > 0);
    }

    // The committed values alternate 0, 1, 0, 1, ...: +1 commits under the commit lock (its transaction also writes
    // an object), -1 commits lock-free into the writer's cell. Any other value read was never committed: the
    // locked part read before a +1 and the cells after the -1 that followed it.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_read_never_combines_a_locked_add_and_a_lock_free_add_into_a_value_never_committed(bool inTransaction)
    {
        var counter = new TCounter();
        var other = new Model.Cell(0);
        using var stop = new CancellationTokenSource();
        Action joinWriter = TestThreads.Start(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Atomic.Run(() => { counter.Add(1); other.Value++; });
                Atomic.Run(() => counter.Add(-1));
            }
        });

        long reads = 0, wrong = 0, seen = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (reads < 1_000_000 || clock.Elapsed < TimeSpan.FromSeconds(1) || (seen < 1_000 && clock.Elapsed < TimeSpan.FromSeconds(20)))
        {
            long value = inTransaction ? Atomic.Run(() => counter.Value) : counter.Value;
            reads++;
            if (value is not (0 or 1))
            {
                wrong++;
            }
            else if (value == 1)
            {
                seen++;
            }
        }

        stop.Cancel();
        joinWriter();
        Assert.Equal(0, wrong);
        Assert.True(seen >= 1_000, $"the reader saw the counter at 1 only {seen} times: the writer did not run alongside it");
        Assert.Equal(0, counter.Value);
        Assert.True(other.Value > 0);
    }

    [Fact]
    public void Pending_adds_are_visible_to_their_transaction_and_rolled_back_with_it()
    {
        var counter = new TCounter(10);
        Atomic.Run(() =>
        {
            counter.Add(5);
            Assert.Equal(15, counter.Value);
            try
            {
                Atomic.Run(() =>
                {
                    counter.Add(100);
                    Assert.Equal(115, counter.Value);
                    throw new InvalidOperationException("nested");
                });
            }
            catch (InvalidOperationException)
            {
            }

            Assert.Equal(15, counter.Value);
        });
        Assert.Equal(15, counter.Value);

        Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
        {
            counter.Add(1000);
            throw new InvalidOperationException("outer");
        }));
        Assert.Equal(15, counter.Value);
    }

    [Fact]
    public void Adds_outside_transactions_are_atomic()
    {
        var counter = new TCounter();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                counter.Increment();
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Equal(80_000, counter.Value);
    }

    [Fact]
    public void A_counter_created_in_a_transaction_is_published_with_its_adds()
    {
        TCounter? created = null;
        Atomic.Run(() =>
        {
            created = new TCounter(1);
            created.Add(41);
            Assert.Equal(42, created.Value);
        });
        Assert.Equal(42, created!.Value);
    }
}
