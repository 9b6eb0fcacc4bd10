using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer;

/// <summary>A per-worker result: how many transactions stored into it, and the last value stored; both in LanguageExt <c>Ref</c>s.</summary>
public sealed class ResultCell
{
    private readonly Ref<long> _count = Ref(0L);
    private readonly Ref<double> _value = Ref(0.0);

    public long Count
    {
        get => _count.Value;
        set => _count.Value = value;
    }

    public double Value
    {
        get => _value.Value;
        set => _value.Value = value;
    }
}
