using Stm;

namespace Stm.Scaling.Model;

/// <summary>A shared counter (counter, primes).</summary>
[Transactional]
public sealed partial class Counter
{
    public partial long Value { get; set; }
}
