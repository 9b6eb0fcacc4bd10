namespace Stm.Generator.Model;

/// <summary>How a record member is read and copied.</summary>
internal enum RecordMemberKind
{
    /// <summary>A field declared by the user (or a field-like event): read and copied directly.</summary>
    Field,

    /// <summary>An auto property that is not transactional: read and copied through the property.</summary>
    AutoProperty,

    /// <summary>A transactional property: read through the property (barrier), copied into its backing field.</summary>
    TransactionalProperty,

    /// <summary>A public computed property: printed only (records print every public readable property).</summary>
    ComputedProperty,
}

/// <summary>One member taking part in a record's equality, hash code, printing or copying.</summary>
/// <param name="Name">The member name (escaped).</param>
/// <param name="NameLiteral">The name as printed by <c>ToString</c>, as a C# string literal.</param>
/// <param name="Type">Its type, <c>global::</c> names with nullable annotations.</param>
/// <param name="Kind">How to read and copy it.</param>
/// <param name="IsPrinted">Public: part of <c>ToString</c>.</param>
/// <param name="IsValueType">A value type that cannot be null (not <c>Nullable&lt;T&gt;</c>): printed with <c>ToString()</c> rather than boxed, as the compiler does, and hashed without <c>!</c>.</param>
/// <param name="IsPointer">A pointer type (or an array of pointers): copied, but left out of equality, hash code and printing.</param>
/// <param name="BackingFieldName">For transactional properties, the generated backing field.</param>
internal sealed record RecordMemberSpec(
    string Name,
    string NameLiteral,
    string Type,
    RecordMemberKind Kind,
    bool IsPrinted,
    bool IsValueType,
    bool IsPointer,
    string? BackingFieldName);
