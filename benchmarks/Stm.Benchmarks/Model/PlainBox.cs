namespace Stm.Benchmarks.Model;

/// <summary>The plain-field baseline for <see cref="Box"/>: the same property, no barriers.</summary>
public sealed class PlainBox
{
    public PlainBox(long value) => Value = value;

    public long Value { get; set; }
}
