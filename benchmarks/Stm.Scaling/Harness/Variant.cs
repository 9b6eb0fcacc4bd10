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

    /// <summary>
    /// A peer STM for comparison, not ours: LanguageExt.Core's <c>Ref&lt;T&gt;</c> classes (<c>Stm.Scaling.Peer</c>), each
    /// transaction in <c>Prelude.sync</c>. Its failures show in the table but do not change the exit code.
    /// </summary>
    LangExt,
}

internal static class VariantNames
{
    public static string Name(this Variant variant) => variant switch
    {
        Variant.Plain => "plain",
        Variant.Lock => "lock",
        Variant.LangExt => "langext",
        _ => "stm",
    };

    /// <summary>Whether the variant is another STM measured for comparison (its failures are reported, not fatal).</summary>
    public static bool IsPeer(this Variant variant) => variant == Variant.LangExt;

    public static Variant Parse(string name) => name switch
    {
        "plain" => Variant.Plain,
        "lock" => Variant.Lock,
        "stm" => Variant.Stm,
        "langext" => Variant.LangExt,
        _ => throw new FormatException($"unknown variant '{name}' (plain, lock, stm, langext)"),
    };
}
