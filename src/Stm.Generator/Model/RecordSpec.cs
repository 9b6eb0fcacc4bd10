namespace Stm.Generator.Model;

/// <summary>
/// The record members a <c>record class</c> needs: the synthesized ones compare, print and copy <em>fields</em>,
/// but the fields of a transactional object are not its current values (those live behind the barriers),
/// and copying the STM header would make two objects share it. Each flag is false when the user declared that member.
/// </summary>
/// <param name="BaseRecordType">The base record's <c>global::</c> name, or <see langword="null"/> when the base is <c>object</c>.</param>
/// <param name="EmitEquals">Emit <c>Equals(R? other)</c>.</param>
/// <param name="EmitGetHashCode">Emit <c>GetHashCode()</c>.</param>
/// <param name="EmitPrintMembers">Emit <c>PrintMembers(StringBuilder)</c>.</param>
/// <param name="EmitCopyConstructor">Emit the copy constructor used by <c>with</c>.</param>
/// <param name="SetsRequiredMembers">The hierarchy has <c>required</c> members: mark the copy constructor <c>[SetsRequiredMembers]</c>.</param>
/// <param name="IsUnsafe">Some member has a pointer type: the emitted members are marked <c>unsafe</c>.</param>
/// <param name="Members">The instance state declared by this record, in declaration order.</param>
internal sealed record RecordSpec(
    string? BaseRecordType,
    bool EmitEquals,
    bool EmitGetHashCode,
    bool EmitPrintMembers,
    bool EmitCopyConstructor,
    bool SetsRequiredMembers,
    bool IsUnsafe,
    EquatableArray<RecordMemberSpec> Members);
