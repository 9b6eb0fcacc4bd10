using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The commit lock's fast path (<c>GlobalClock.TryLockCommitFrom</c>, docs/architecture.md §5): one swap from the
/// version the committer expects, a second from the version that swap found, and never a lock taken from a clock that
/// is odd (another commit publishing). Run alone: the tests hold the process-wide commit lock for a moment.
/// </summary>
[Collection(nameof(CommitLockTests))]
public class CommitLockTests
{
    [Fact]
    public void A_swap_from_the_current_version_takes_the_lock()
    {
        long current = GlobalClock.Now;
        Assert.True(GlobalClock.TryLockCommitFrom(current, out long version));
        try
        {
            Assert.Equal(current, version);
            Assert.Equal(current + 1, GlobalClock.Raw);
        }
        finally
        {
            GlobalClock.UnlockCommit(version);
        }

        Assert.Equal(current, GlobalClock.Raw);
    }

    [Fact]
    public void A_swap_from_an_older_version_takes_the_lock_at_the_current_one()
    {
        var cell = new Cell(0);
        long older = GlobalClock.Now;
        Atomic.Run(() => cell.Value = 1); // moves the clock past what the committer expects
        long current = GlobalClock.Now;
        Assert.True(current > older);

        Assert.True(GlobalClock.TryLockCommitFrom(older, out long version));
        try
        {
            Assert.Equal(current, version);
            Assert.Equal(current + 1, GlobalClock.Raw);
        }
        finally
        {
            GlobalClock.UnlockCommit(version);
        }
    }

    [Fact]
    public void No_swap_takes_the_lock_while_another_commit_holds_it()
    {
        Assert.True(GlobalClock.TryLockCommit(out long held));
        try
        {
            Assert.False(GlobalClock.TryLockCommitFrom(held, out _));
            Assert.False(GlobalClock.TryLockCommitFrom(held - 2, out _));
            Assert.Equal(held + 1, GlobalClock.Raw); // still held, still odd: nothing was swapped in
        }
        finally
        {
            GlobalClock.UnlockCommit(held);
        }
    }

    [Fact]
    public void Commits_from_many_threads_publish_every_write_with_distinct_versions()
    {
        // The fast path under contention: every commit takes the lock, publishes at a version of its own (the clock
        // moves by two for each; at least, as a thread left over from another test may commit too) and loses no write.
        const int Threads = 4, Each = 5_000;
        var counter = new Cell(0);
        var own = new Cell[Threads];
        for (int i = 0; i < Threads; i++)
        {
            own[i] = new Cell(0);
        }

        long before = GlobalClock.Now;
        TestThreads.Run(Threads, index =>
        {
            for (int i = 0; i < Each; i++)
            {
                Atomic.Run(() => own[index].Value++);
                if (i % 10 == 0)
                {
                    Atomic.Run(() => counter.Value++);
                }
            }
        });

        long commits = Threads * (Each + Each / 10);
        Assert.InRange(GlobalClock.Now, before + 2 * commits, long.MaxValue);
        Assert.Equal(Threads * Each / 10, counter.Value);
        Assert.All(own, cell => Assert.Equal(Each, cell.Value));
    }
}

/// <summary>Runs <see cref="CommitLockTests"/> after the parallel tests, alone.</summary>
[CollectionDefinition(nameof(CommitLockTests), DisableParallelization = true)]
public class CommitLockCollection
{
}
