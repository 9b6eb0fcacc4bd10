using Stm.Engine;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The adaptive back-off level of a segment: write-write conflicts that keep recurring raise it, quiet runs of
/// commits lower it, read-write conflicts never raise it (docs/architecture.md §7).
/// </summary>
public class ContentionBackoffTests
{
    [Fact]
    public void An_isolated_write_write_conflict_leaves_the_base_back_off()
    {
        var backoff = new ContentionBackoff();
        backoff.Conflicted(ConflictKind.WriteWrite);
        Assert.Equal(0, backoff.Level);

        Commit(backoff, ContentionBackoff.QuietCommits);
        backoff.Conflicted(ConflictKind.WriteWrite); // a quiet run separates it from the first one
        Assert.Equal(0, backoff.Level);
    }

    [Fact]
    public void Recurring_write_write_conflicts_raise_the_level_up_to_its_maximum()
    {
        var backoff = new ContentionBackoff();
        backoff.Conflicted(ConflictKind.WriteWrite);
        for (int i = 1; i <= ContentionBackoff.MaxLevel + 3; i++)
        {
            Commit(backoff, ContentionBackoff.QuietCommits - 1);
            backoff.Conflicted(ConflictKind.WriteWrite);
            Assert.Equal(System.Math.Min(i, ContentionBackoff.MaxLevel), backoff.Level);
        }
    }

    [Fact]
    public void Each_quiet_run_of_commits_lowers_the_level_by_one()
    {
        var backoff = new ContentionBackoff();
        for (int i = 0; i <= 3; i++)
        {
            backoff.Conflicted(ConflictKind.WriteWrite);
        }

        Assert.Equal(3, backoff.Level);
        Commit(backoff, ContentionBackoff.QuietCommits - 1);
        Assert.Equal(3, backoff.Level);
        Commit(backoff, 1);
        Assert.Equal(2, backoff.Level);
        Commit(backoff, 2 * ContentionBackoff.QuietCommits);
        Assert.Equal(0, backoff.Level);
        Commit(backoff, 10 * ContentionBackoff.QuietCommits); // stays at the base, and the count saturates
        Assert.Equal(0, backoff.Level);
        backoff.Conflicted(ConflictKind.WriteWrite);
        Assert.Equal(0, backoff.Level);
    }

    [Fact]
    public void Read_write_conflicts_never_raise_the_level()
    {
        var backoff = new ContentionBackoff();
        for (int i = 0; i < 100; i++)
        {
            backoff.Conflicted(ConflictKind.ReadWrite);
        }

        Assert.Equal(0, backoff.Level);

        // ... but they do count as conflicts: a write-write conflict right after one is a recurrence.
        backoff.Conflicted(ConflictKind.WriteWrite);
        Assert.Equal(1, backoff.Level);
    }

    [Fact]
    public void The_back_off_doubles_per_conflict_and_per_level_up_to_a_cap()
    {
        Assert.Equal(16, ContentionBackoff.SpinLimit(conflicts: 1, level: 0)); // the fixed back-off this replaced
        Assert.Equal(32, ContentionBackoff.SpinLimit(conflicts: 2, level: 0));
        Assert.Equal(64, ContentionBackoff.SpinLimit(conflicts: 1, level: 2));
        Assert.Equal(1 << 13, ContentionBackoff.SpinLimit(conflicts: 1, level: ContentionBackoff.MaxLevel + 20));
        Assert.Equal(1 << 13, ContentionBackoff.SpinLimit(conflicts: 1_000, level: ContentionBackoff.MaxLevel));
    }

    private static void Commit(ContentionBackoff backoff, int count)
    {
        for (int i = 0; i < count; i++)
        {
            backoff.Committed();
        }
    }
}
