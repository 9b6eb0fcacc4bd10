namespace Stm.Scaling.Plain;

/// <summary>A shared counter (counter, primes).</summary>
public sealed class Counter
{
    public long Value { get; set; }
}
