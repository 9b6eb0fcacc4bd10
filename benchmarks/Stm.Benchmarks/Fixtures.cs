using System;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>Object sets shared by the benchmarks: committed objects, built outside any transaction.</summary>
internal static class Fixtures
{
    /// <summary>Accesses per invocation in the per-access benchmarks (passed to OperationsPerInvoke).</summary>
    public const int Batch = 1000;

    /// <summary><paramref name="count"/> distinct committed transactional objects.</summary>
    public static Box[] DistinctBoxes(int count)
    {
        var boxes = new Box[count];
        Atomic.Run(() =>
        {
            for (int i = 0; i < boxes.Length; i++)
            {
                boxes[i] = new Box(i);
            }
        });
        return boxes;
    }

    /// <summary><paramref name="count"/> distinct plain objects.</summary>
    public static PlainBox[] DistinctPlainBoxes(int count)
    {
        var boxes = new PlainBox[count];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = new PlainBox(i);
        }

        return boxes;
    }

    /// <summary>An array of <paramref name="count"/> references to one object: the loop shape of a repeated read, with a load the JIT cannot hoist.</summary>
    public static T[] Repeated<T>(T item, int count)
    {
        var items = new T[count];
        Array.Fill(items, item);
        return items;
    }
}
