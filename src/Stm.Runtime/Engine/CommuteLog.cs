using System;
using Stm.Collections;

namespace Stm.Engine;

/// <summary>
/// The commutative operations (counter adds) a transaction attempt has buffered. They take no ownership
/// and are never validated; commit applies them under the commit lock with a new version, so readers of
/// the counter conflict with them while other adders do not.
/// </summary>
internal sealed class CommuteLog
{
    private (TCounter Counter, long Delta)[] _entries = new (TCounter, long)[8];
    private int _count;
    private int _foldFrom;

    internal int Count => _count;

    internal ReadOnlySpan<(TCounter Counter, long Delta)> Entries => _entries.AsSpan(0, _count);

    internal void Add(TCounter counter, long delta)
    {
        // Adds to the same counter in a row fold into one entry (the common loop case), but never into an
        // entry that belongs to an enclosing nesting level: rolling the nested level back must drop only its own.
        if (_count > _foldFrom && ReferenceEquals(_entries[_count - 1].Counter, counter))
        {
            _entries[_count - 1].Delta += delta;
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = (counter, delta);
    }

    internal long PendingDelta(TCounter counter)
    {
        long sum = 0;
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_entries[i].Counter, counter))
            {
                sum += _entries[i].Delta;
            }
        }

        return sum;
    }

    /// <summary>Called when a nested level starts: later adds must not fold into earlier entries.</summary>
    internal void SealFolding() => _foldFrom = _count;

    internal void Truncate(int count)
    {
        if (_count > count)
        {
            Array.Clear(_entries, count, _count - count);
        }

        _count = count;
        _foldFrom = Math.Min(_foldFrom, count);
    }
}
