using System;
using System.Collections.Generic;

namespace Stm.Collections;

/// <summary>
/// Catches the torn <c>Count</c>-then-<c>CopyTo</c> pair. LINQ's <c>ToArray()</c>/<c>ToList()</c> and
/// <c>new List&lt;T&gt;(collection)</c> read <see cref="System.Collections.Generic.ICollection{T}.Count"/>, size an
/// array by it and then call <c>CopyTo</c>. Outside a transaction those are two transactions, and a commit between
/// them would make the copy throw "Destination array was not long enough" (the collection grew) or, worse, leave
/// default elements at the end of the result (it shrank), silently. Each thread remembers the last count it read
/// outside a transaction; a <c>CopyTo</c> outside a transaction into exactly that much room, on the same
/// collection, that finds a different number of elements throws a clear error instead of padding or truncating.
/// Only exactly that much room: a copy into more room (<c>List&lt;T&gt;.AddRange</c> into spare capacity, or a buffer
/// sized some other way after an unrelated <c>Count</c>) cannot be told from an ordinary copy, and throwing there would
/// break correct code whenever another thread commits.
/// </summary>
internal static class CountThenCopy
{
    [ThreadStatic]
    private static object? t_collection;

    [ThreadStatic]
    private static int t_count;

    /// <summary>Remembers a count read outside a transaction.</summary>
    public static int Remember(object collection, int count)
    {
        t_collection = collection;
        t_count = count;
        return count;
    }

    /// <summary>
    /// A collection's <c>CopyTo</c>: validates the arguments, takes the snapshot (in one transaction, or in the current
    /// one), and outside a transaction throws if this copy is the second half of a torn pair (this thread read the
    /// collection's count outside a transaction, sized the destination by it, and the snapshot now holds a different
    /// number of elements); then copies. Consumes the remembered count either way.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="collection">The collection being copied.</param>
    /// <param name="snapshot">Takes the collection's snapshot.</param>
    /// <param name="array">The destination.</param>
    /// <param name="arrayIndex">Where in <paramref name="array"/> the first element goes.</param>
    public static void CopyTo<T>(object collection, Func<List<T>> snapshot, T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arrayIndex, array.Length);
        List<T> items = snapshot();
        if (!Atomic.InTransaction)
        {
            ThrowIfTorn(collection, array.Length - arrayIndex, items.Count);
        }

        items.CopyTo(array, arrayIndex);
    }

    private static void ThrowIfTorn(object collection, int room, int actual)
    {
        if (!ReferenceEquals(t_collection, collection))
        {
            return;
        }

        int remembered = t_count;
        t_collection = null;
        if (room == remembered && actual != remembered)
        {
            throw new InvalidOperationException(
                $"The {collection.GetType().Name.Split('`')[0]} held {remembered} elements when its Count was read and {actual} when it was copied: " +
                "another transaction committed in between, so an array sized by that Count would be torn. " +
                "Read Count and copy in one transaction (Atomic.Run), or take a snapshot with the collection's own ToArray() or ToList().");
        }
    }
}
