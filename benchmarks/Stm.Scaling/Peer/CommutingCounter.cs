using System;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer;

/// <summary>
/// LanguageExt's counterpart of <c>Stm.Collections.TCounter</c> (counter-tcounter): a <c>Ref</c> incremented by
/// <c>Commute</c>. A commuted function is applied to the transaction's own view at once and re-applied at commit to
/// the latest committed value, with no version check, so increments never make a transaction retry.
/// </summary>
public sealed class CommutingCounter
{
    private static readonly Func<long, long> s_increment = value => value + 1;
    private readonly Ref<long> _value = Ref(0L);

    public long Value => _value.Value;

    /// <summary>Adds one, without reading the counter (as <c>TCounter.Increment</c>).</summary>
    /// <remarks>
    /// <c>Ref.Commute</c>, not <c>Prelude.commute</c>: the latter returns the new value by reading the <c>Ref</c>,
    /// which records a read, and under serialisable isolation a read of the counter conflicts with every
    /// concurrent increment, which is what a commutative counter is for avoiding.
    /// </remarks>
    public void Increment() => _value.Commute(s_increment);
}
