using System.Linq;

namespace Stm.Runtime.Tests.Model;

/// <summary>Fixtures of many cells, for the tests of read tracking.</summary>
internal static class Cells
{
    /// <summary>Cells holding 0, 1, ..., <paramref name="count"/> − 1, created in one transaction.</summary>
    public static Cell[] Numbered(int count) =>
        Atomic.Run(() => Enumerable.Range(0, count).Select(i => new Cell(i)).ToArray());
}
