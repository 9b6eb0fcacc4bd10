using System;

namespace Stm;

/// <summary>
/// Marks a <see langword="partial"/> class whose partial properties are implemented by the Stm
/// source generator with read and write barriers, so that every access inside an atomic block
/// is tracked by the transactional memory runtime.
/// </summary>
/// <remarks>
/// Declare mutable state as body-less partial properties (<c>public partial long Balance { get; set; }</c>).
/// Immutable members (readonly fields, get-only and init-only auto properties) are left alone:
/// their reads are never recorded.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TransactionalAttribute : Attribute
{
}
