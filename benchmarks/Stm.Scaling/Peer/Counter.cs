using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer;

/// <summary>A shared counter (counter, primes, intset's per-worker counts), its state in a LanguageExt <c>Ref</c>.</summary>
public sealed class Counter
{
    private readonly Ref<long> _value = Ref(0L);

    public long Value
    {
        get => _value.Value;
        set => _value.Value = value;
    }
}
