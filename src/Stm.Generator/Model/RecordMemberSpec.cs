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

/// <summary>How the generated record members reach a member.</summary>
internal enum RecordMemberAccess
{
    /// <summary>By name: <c>this.Name</c>.</summary>
    Name,

    /// <summary>
    /// Through an <c>[UnsafeAccessor]</c> to the field, or to an auto property's backing field, named in
    /// <see cref="RecordMemberSpec.AccessorTarget"/>: it reads and assigns (a <c>ref</c> return).
    /// </summary>
    Field,

    /// <summary>Through an <c>[UnsafeAccessor]</c> to the property's getter (computed and transactional properties): it reads.</summary>
    Getter,
}

/// <summary>One member taking part in a record's equality, hash code, printing or copying.</summary>
/// <param name="Name">The member name (escaped).</param>
/// <param name="NameLiteral">The name as printed by <c>ToString</c>, as a C# string literal.</param>
/// <param name="Type">Its type, <c>global::</c> names with nullable annotations.</param>
/// <param name="Kind">How to read and copy it.</param>
/// <param name="IsPrinted">Public: part of <c>ToString</c>. False for a type parameter that allows ref structs, which C# cannot box.</param>
/// <param name="IsValueType">A value type that cannot be null (not <c>Nullable&lt;T&gt;</c>): printed with <c>ToString()</c> rather than boxed, as the compiler does, and hashed without <c>!</c>.</param>
/// <param name="IsPointer">A pointer type (or an array of pointers): copied, but left out of equality, hash code and printing.</param>
/// <param name="IsDynamic"><c>dynamic</c>: compared and hashed as <see cref="object"/>, or the comparer calls would be bound at run time.</param>
/// <param name="BackingFieldName">For transactional properties, the generated backing field.</param>
/// <param name="Access">
/// How to reach it. Not by name when C# cannot name it here although the compiler's own record members reach it: an
/// <c>[Obsolete]</c> member whose use is an error (CS0619, which no pragma suppresses), or an explicit interface
/// implementation (its backing field is record state; <c>this.I.X</c> names nothing).
/// </param>
/// <param name="AccessorTarget">For an accessor: the metadata name of the field or getter it reaches, as a C# string literal.</param>
/// <param name="AccessorName">For an accessor: the generated <c>extern</c> method's name.</param>
internal sealed record RecordMemberSpec(
    string Name,
    string NameLiteral,
    string Type,
    RecordMemberKind Kind,
    bool IsPrinted,
    bool IsValueType,
    bool IsPointer,
    bool IsDynamic,
    string? BackingFieldName,
    RecordMemberAccess Access,
    string? AccessorTarget,
    string? AccessorName);
