using System;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Exceptions and conflicts leaving thousands of nested blocks. Each level used to roll back in a catch that rethrew,
/// and .NET keeps the frames below a catch on the stack while it rethrows: a few hundred levels overflowed the stack, which
/// ends the process. These run on a thread with a fixed 16 MB stack, where the old code overflowed well before the depth
/// used here and the current one unwinds any depth the runtime allows.
/// </summary>
public class DeepNestingTests
{
    private const int Depth = 10_000;
    private const int StackBytes = 16 * 1024 * 1024;

    private sealed class Boom : Exception
    {
        public Boom()
            : base("boom")
        {
        }
    }

    [Fact]
    public void An_exception_from_ten_thousand_levels_rolls_back_exactly_the_levels_it_left()
    {
        const int CatchLevel = Depth / 2;
        var cells = new Cell[Depth + 1];
        for (int i = 0; i <= Depth; i++)
        {
            cells[i] = new Cell(-1);
        }

        OnLargeStack(() =>
        {
            Atomic.Run(() => Level(1));
        });

        // Levels 1..CatchLevel committed their writes; the levels the exception left were rolled back.
        for (int i = 1; i <= Depth; i++)
        {
            Assert.Equal(i <= CatchLevel ? i : -1, cells[i].Value);
        }

        void Level(int level)
        {
            cells[level].Value = level;
            if (level == Depth)
            {
                throw new Boom();
            }

            if (level == CatchLevel)
            {
                Assert.Throws<Boom>(() => Atomic.Run(() => Level(level + 1)));
                Assert.Equal(-1, cells[level + 1].Value); // rolled back before the catch ran
                Assert.Equal(level, cells[level].Value);
                return;
            }

            Atomic.Run(() => Level(level + 1));
        }
    }

    [Fact]
    public void A_conflict_ten_thousand_levels_deep_re_runs_the_transaction()
    {
        var watched = new Cell(0);
        var result = new Cell(0);
        int attempts = 0;

        OnLargeStack(() =>
        {
            Atomic.Run(() =>
            {
                attempts++;
                long seen = watched.Value;
                result.Value = Descend(1, seen);
            });
        });

        // The first attempt read 0, then another thread committed 1; its re-read at the bottom found the newer version
        // after everything it had read, so the conflict unwound every level and the re-run saw 1 throughout.
        Assert.Equal(2, attempts);
        Assert.Equal(1, watched.Value);
        Assert.Equal(1 + Depth, result.Value);

        long Descend(int level, long seen)
        {
            if (level < Depth)
            {
                return Atomic.Run(() => Descend(level + 1, seen));
            }

            if (attempts == 1)
            {
                var writer = new Thread(() => Atomic.Run(() => watched.Value = 1));
                writer.Start();
                writer.Join();
            }

            return watched.Value + level; // a first attempt that read 0 cannot see 1 here: it aborts instead
        }
    }

    [Fact]
    public void An_exception_through_thousands_of_OrElse_choices_rolls_all_of_them_back()
    {
        const int Choices = 5_000;
        var cells = new Cell[Choices + 1];
        for (int i = 0; i <= Choices; i++)
        {
            cells[i] = new Cell(-1);
        }

        OnLargeStack(() =>
        {
            Atomic.Run(() =>
            {
                cells[0].Value = 0;
                Assert.Throws<Boom>(() => Choose(1));
                for (int i = 1; i <= Choices; i++)
                {
                    Assert.Equal(-1, cells[i].Value);
                }
            });
        });

        Assert.Equal(0, cells[0].Value);

        int Choose(int level)
        {
            return Atomic.OrElse(
                () =>
                {
                    cells[level].Value = level;
                    return level == Choices ? throw new Boom() : Choose(level + 1);
                },
                () => throw new InvalidOperationException("no alternative retried: the second must not run"));
        }
    }

    private static void OnLargeStack(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    work();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            StackBytes);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the deep transaction did not finish within 60 s");
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException("the deep transaction failed: " + failure);
        }
    }
}
