namespace Stm.Benchmarks.Model;

/// <summary>
/// <see cref="PlainBox"/> with a spin lock of its own: the fine-grained-locking baseline of
/// <see cref="TransferBenchmarks"/> (DESIGN §6 names fine-grained locking as the bar for bank-1M).
/// </summary>
public sealed class LockedBox
{
    public LockedBox(long value) => Value = value;

    public long Value { get; set; }

    /// <summary>0 free, 1 held; taken with a compare-and-swap, released with a release store.</summary>
    public int Gate;
}
