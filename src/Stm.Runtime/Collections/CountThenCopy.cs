using System;

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
    /// Throws when this copy is the second half of a torn pair: this thread read <paramref name="collection"/>'s
    /// count outside a transaction, sized the destination by it, and the collection now holds a different number
    /// of elements. Consumes the remembered count either way.
    /// </summary>
    /// <param name="collection">The collection being copied.</param>
    /// <param name="room">The destination's room from the copy's start index.</param>
    /// <param name="actual">The number of elements the copy's own snapshot holds.</param>
    public static void ThrowIfTorn(object collection, int room, int actual)
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
