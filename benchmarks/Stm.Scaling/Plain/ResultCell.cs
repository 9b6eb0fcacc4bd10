namespace Stm.Scaling.Plain;

/// <summary>A per-worker result: how many transactions stored into it, and the last value stored.</summary>
public sealed class ResultCell
{
    public long Count { get; set; }

    public double Value { get; set; }
}
