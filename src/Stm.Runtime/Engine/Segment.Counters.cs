using System.Threading;
using Stm.Collections;

namespace Stm.Engine;

/// <summary>
/// <see cref="TCounter"/> support: buffered adds, reads of the lock-free cells, and the commit of an attempt
/// that only adds, which takes no lock and moves no shared cache line.
/// </summary>
internal sealed partial class Segment
{
    internal readonly CounterReadLog CounterReads = new();

    internal void AddCommute(TCounter counter, long delta)
    {
        Commutes.Add(counter, delta);
    }

    internal long PendingDelta(TCounter counter) => Commutes.Count == 0 ? 0 : Commutes.PendingDelta(counter);

    /// <summary>
    /// Reads the sum of a counter's lock-free cells and makes the whole view consistent at this moment: the sum
    /// must equal what this attempt saw before (if it read the counter already), every other counter read must
    /// still hold, and if any commit happened since the read version, every object read is validated.
    /// </summary>
    /// <remarks>
    /// Cells change without moving the clock, so a snapshot version cannot order them; instead the attempt's
    /// view is kept equal to the state at its latest counter read. Objects it reads afterwards at a version no
    /// newer than the read version held that same value then, so the view stays a snapshot.
    /// </remarks>
    internal long ReadCounterStripes(TCounter counter)
    {
        if (!counter.TryStripeSum(wait: Inevitable, out long sum))
        {
            throw CounterConflict(); // adds kept landing while we summed: try again (escalating), or wait once inevitable
        }

        if (CounterReads.TryGet(counter, out long seen))
        {
            if (seen != sum)
            {
                throw CounterConflict();
            }
        }
        else
        {
            CounterReads.Add(counter, sum);
        }

        if (GlobalClock.Now != ReadVersion)
        {
            Extend(TCounter.ValueProperty); // validates the object reads and re-checks every counter read
        }
        else if (CounterReads.Count > 1)
        {
            ThrowIfCounterReadsChanged();
        }

        return sum;
    }

    /// <summary>
    /// Whether a counter this attempt read has received lock-free adds since (re-sums each one; a sum that adds kept
    /// interrupting counts as a change, except for an inevitable attempt, which waits for it instead).
    /// </summary>
    private bool CounterReadsChanged => CounterReadsChangedWaiting(Inevitable);

    /// <summary><see cref="CounterReadsChanged"/>, waiting for each sum if <paramref name="wait"/> (new adds must be stopped).</summary>
    private bool CounterReadsChangedWaiting(bool wait) => CounterReads.Count != 0 && CounterReads.FindChanged(wait) is not null;

    /// <summary>Aborts the attempt if a counter it read has received lock-free adds since.</summary>
    internal void ThrowIfCounterReadsChanged()
    {
        if (CounterReadsChanged)
        {
            throw CounterConflict();
        }
    }

    /// <summary>Dooms the attempt for a changed counter read (reported on <c>TCounter.Value</c>).</summary>
    private ConflictException CounterConflict() => Conflict(ConflictKind.ReadWrite, TCounter.ValueProperty);

    /// <summary>
    /// Commits an attempt that wrote nothing and added to one counter, into this segment's cell of that
    /// counter, without the commit lock. Returns <see langword="false"/> (nothing done) when the attempt must
    /// take the ordinary commit path instead.
    /// </summary>
    /// <remarks>
    /// <para>The add is published inside a sequence-lock section of the cell (odd while publishing). The
    /// attempt is serialized at that moment, so its reads must be current then: after marking the cell (a full
    /// fence) it requires that no commit is publishing (clock even) and, if commits happened since its read
    /// version, that nothing it read changed. A commit that takes the lock after our mark validates its
    /// counter reads, which waits for the mark and sees the add; one that took it before makes us fall back.</para>
    /// <para>An inevitable transaction must never see a counter change under it, so while another segment is
    /// inevitable we fall back too (the registration, under the commit lock with a fence, and our mark are a
    /// Dekker pair: at least one of us sees the other). Attempts that read a counter also take the ordinary
    /// path: validating their own counter read would wait for their own mark.</para>
    /// </remarks>
    internal bool TryCommitAddsWithoutLock()
    {
        if (CounterReads.Count != 0)
        {
            return false;
        }

        var entries = Commutes.Entries;
        TCounter counter = entries[0].Counter;
        long delta = 0;
        foreach ((TCounter other, long add) in entries)
        {
            if (!ReferenceEquals(other, counter))
            {
                return false; // adds to several counters must appear at once: use the lock
            }

            delta += add;
        }

        CounterStripes stripes = counter.Stripes;
        stripes.BeginAdd(Index);
        int inevitable = GlobalClock.InevitableSegment;
        bool current = (inevitable == 0 || inevitable == Index + 1) && ReadsCurrent();
        if (!current)
        {
            stripes.CancelAdd(Index);
            return false;
        }

        stripes.EndAdd(Index, delta);
        return true;
    }

    /// <summary>Whether every read of the attempt is still current, with no commit publishing right now.</summary>
    private bool ReadsCurrent()
    {
        if (Reads.Count == 0)
        {
            return true; // nothing read: the attempt can be serialized anywhere
        }

        long clock = GlobalClock.Raw;
        return (clock & 1) == 0 && (clock == ReadVersion || (LogsReads && Reads.FindChangedSince(ReadVersion) is null));
    }
}
