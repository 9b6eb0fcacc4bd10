using Stm;

namespace Stm.Scaling.Model;

/// <summary>A per-worker result: how many transactions stored into it, and the last value stored.</summary>
[Transactional]
public sealed partial class ResultCell
{
    public partial long Count { get; set; }

    public partial double Value { get; set; }
}
