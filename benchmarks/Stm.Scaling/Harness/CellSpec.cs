using System;
using System.Globalization;

namespace Stm.Scaling.Harness;

/// <summary>One cell of the table: a workload, a variant and a thread count, written <c>workload:variant:threads</c>.</summary>
internal sealed record CellSpec(string Workload, Variant Variant, int Threads)
{
    public static CellSpec Parse(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int threads) || threads < 1)
        {
            throw new FormatException($"a cell is workload:variant:threads, got '{text}'");
        }

        return new CellSpec(parts[0], VariantNames.Parse(parts[1]), threads);
    }

    public override string ToString() => $"{Workload}:{Variant.Name()}:{Threads.ToString(CultureInfo.InvariantCulture)}";
}
