using System;
using Stm.Collections;

namespace Stm.Engine;

/// <summary>
/// The counters whose lock-free part (<see cref="CounterStripes"/>) an attempt has read, with the sum it saw.
/// Those adds move no version, so this log is validated by value: by every later counter read, by
/// <see cref="Segment.Extend"/>, and by a writing commit under the commit lock.
/// </summary>
internal sealed class CounterReadLog
{
    private (TCounter Counter, long Sum)[] _entries = new (TCounter, long)[4];
    private int _count;

    internal int Count => _count;

    /// <summary>The sum recorded for <paramref name="counter"/>, if it was read in this attempt.</summary>
    internal bool TryGet(TCounter counter, out long sum)
    {
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_entries[i].Counter, counter))
            {
                sum = _entries[i].Sum;
                return true;
            }
        }

        sum = 0;
        return false;
    }

    internal void Add(TCounter counter, long sum)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = (counter, sum);
    }

    /// <summary>
    /// The first counter whose cells no longer sum to what was read, or <see langword="null"/>. A counter whose
    /// sum could not be taken at one instant counts as changed, unless <paramref name="wait"/> (see
    /// <see cref="CounterStripes.TrySum"/>).
    /// </summary>
    internal TCounter? FindChanged(bool wait) => FindChanged(_entries.AsSpan(0, _count), wait);

    /// <summary>The first of <paramref name="reads"/> whose cells no longer sum to what was read (also for a <c>Retry</c> wait set).</summary>
    internal static TCounter? FindChanged(ReadOnlySpan<(TCounter Counter, long Sum)> reads, bool wait)
    {
        foreach ((TCounter counter, long sum) in reads)
        {
            if (!counter.TryStripeSum(wait, out long now) || now != sum)
            {
                return counter;
            }
        }

        return null;
    }

    internal (TCounter Counter, long Sum)[] ToArray() => _entries.AsSpan(0, _count).ToArray();

    internal void Clear()
    {
        if (_count != 0)
        {
            Array.Clear(_entries, 0, _count);
            _count = 0;
        }
    }
}
