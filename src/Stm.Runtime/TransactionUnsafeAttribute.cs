using System;

namespace Stm;

/// <summary>
/// Declares that a method (or every method of a type) performs an irreversible effect (I/O, locking,
/// a call into native code, …) and must not be called inside an atomic block. The analyzers report
/// calls to it from atomic blocks (STM0011), also from other assemblies.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Struct,
    AllowMultiple = false, Inherited = false)]
public sealed class TransactionUnsafeAttribute : Attribute
{
    /// <summary>Creates the attribute without a reason.</summary>
    public TransactionUnsafeAttribute()
    {
    }

    /// <summary>Creates the attribute with a reason shown in diagnostics.</summary>
    /// <param name="reason">Why the member is unsafe inside a transaction (for example "writes the audit log").</param>
    public TransactionUnsafeAttribute(string reason) => Reason = reason;

    /// <summary>Why the member is unsafe inside a transaction, or <see langword="null"/>.</summary>
    public string? Reason { get; }
}
