using System;
using System.Collections.Generic;
using System.Linq;

namespace Stm.Stress;

/// <summary>
/// Checks a whole-collection read made outside any transaction (<c>foreach</c>, the collection's own <c>ToArray()</c>,
/// LINQ's copies): it must be a committed state, so no default element (the scenarios store only positive values) and
/// no duplicate key, and it must not throw.
/// </summary>
internal static class OutsideCopyCheck
{
    /// <summary>Reads and checks; a refused torn copy is counted in <paramref name="refusedCopies"/>, not reported.</summary>
    /// <param name="what">The read, for the violation message.</param>
    /// <param name="read">Makes the read.</param>
    /// <param name="value">The positive value each element must carry.</param>
    /// <param name="key">What must be unique across the elements.</param>
    /// <param name="refusedCopies">Incremented when a <paramref name="countThenCopy"/> read refuses a torn copy.</param>
    /// <param name="countThenCopy">
    /// Whether the read is LINQ's <c>Count</c>-then-<c>CopyTo</c> pair (two transactions), which the runtime answers
    /// with <see cref="InvalidOperationException"/> when a commit lands between the two, rather than pad or truncate.
    /// </param>
    public static void Check<T, TKey>(
        string what,
        Func<IReadOnlyCollection<T>> read,
        Func<T, long> value,
        Func<T, TKey> key,
        ref long refusedCopies,
        bool countThenCopy = false)
    {
        IReadOnlyCollection<T> items;
        try
        {
            items = read();
        }
        catch (InvalidOperationException) when (countThenCopy)
        {
            refusedCopies++;
            return;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Harness.Violation($"{what} outside a transaction threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        int defaults = items.Count(item => value(item) <= 0);
        if (defaults > 0)
        {
            Harness.Violation($"{what} outside a transaction returned {defaults} non-positive (default) elements of {items.Count}: not a committed state");
        }
        else if (items.Select(key).Distinct().Count() != items.Count)
        {
            Harness.Violation($"{what} outside a transaction returned duplicate keys: not a committed state");
        }
    }
}
