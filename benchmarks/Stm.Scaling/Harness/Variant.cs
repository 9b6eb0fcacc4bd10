using System;

namespace Stm.Scaling.Harness;

/// <summary>How a workload's transactions are run.</summary>
internal enum Variant
{
    /// <summary>Plain classes, no synchronisation, one thread only: the limit.</summary>
    Plain,

    /// <summary>Plain classes, one global lock around each transaction: the GIL.</summary>
    Lock,

    /// <summary>Transactional classes, each transaction in <c>Atomic.Run</c>.</summary>
    Stm,
}

internal static class VariantNames
{
    public static string Name(this Variant variant) => variant switch
    {
        Variant.Plain => "plain",
        Variant.Lock => "lock",
        _ => "stm",
    };

    public static Variant Parse(string name) => name switch
    {
        "plain" => Variant.Plain,
        "lock" => Variant.Lock,
        "stm" => Variant.Stm,
        _ => throw new FormatException($"unknown variant '{name}' (plain, lock, stm)"),
    };
}
