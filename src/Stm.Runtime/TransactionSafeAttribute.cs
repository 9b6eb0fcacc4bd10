using System;

namespace Stm;

/// <summary>
/// Asserts that a method (or every method of a type) has no irreversible effect — no I/O, no locks,
/// no writes to untracked shared state — and may therefore be called inside an atomic block.
/// The analyzers stop following calls at such a method, also across assembly boundaries.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Struct,
    AllowMultiple = false, Inherited = false)]
public sealed class TransactionSafeAttribute : Attribute
{
}
