namespace Stm.Generator.Model;

/// <summary>One transactional partial property.</summary>
/// <param name="Name">The property name as written in code (keywords escaped with <c>@</c>).</param>
/// <param name="NameLiteral">The property name as a C# string literal, for <c>TransactionalProperty.Register</c>.</param>
/// <param name="BackingFieldName"><c>__stm_{Name}</c>.</param>
/// <param name="PropertyFieldName"><c>__stmProperty_{Name}</c>: the property's identity.</param>
/// <param name="Type">The property type: <c>global::</c> names, nullable annotations kept.</param>
/// <param name="ReadType">The return type of the read helper <c>__stmGet_{Name}</c>: <see cref="Type"/>, or <see cref="object"/> for <c>dynamic</c> (a dynamic value would make the barrier calls dynamically bound).</param>
/// <param name="ReaderName"><c>__stmGet_{Name}</c>: the read loop shared by the getter and the silent-write check.</param>
/// <param name="WriterName"><c>__stmSet_{Name}</c>: the setter's path for objects not allocated by the current transaction level.</param>
/// <param name="Modifiers">The declaration's modifiers without <c>partial</c>, as written (<c>public required</c>).</param>
/// <param name="GetterModifiers">The <c>get</c> accessor's own modifiers (usually empty).</param>
/// <param name="SetterModifiers">The <c>set</c>/<c>init</c> accessor's own modifiers (<c>private</c>, ...).</param>
/// <param name="IsInit">An <c>init</c> accessor instead of <c>set</c>.</param>
/// <param name="ValueExpression">How the accessor passes <c>value</c> to the barriers: <c>value</c>, or a cast to <see cref="object"/> for <c>dynamic</c> (which would make the calls dynamically bound).</param>
/// <param name="NeedsDefaultInitializer">A non-nullable reference or unconstrained generic type: the backing field gets <c>= default!</c> so that constructors assigning the property do not trip CS8618.</param>
/// <param name="SetterAssertsBackingField">
/// The setter is marked <c>[MemberNotNull]</c> for the backing field: set for a record with a hand-written copy
/// constructor, which runs no field initializers, so <c>= default!</c> does not cover it and assigning the property there
/// would leave CS8618 on the user's constructor, naming a generated field.
/// </param>
/// <param name="HidesGeneratedMembers">
/// The class is nested in one of its own transactional base classes, which implements a property of the same name: the
/// base's private generated members (<c>__stm_X</c>, <c>__stmGet_X</c>, ...) are visible here, so this class's members
/// of those names are declared <c>new</c> (CS0108 otherwise).
/// </param>
/// <param name="SuppressNullableWarnings">
/// The property carries a nullable-analysis attribute (<c>[AllowNull]</c>, <c>[NotNull]</c>, ...): the compiler applies it
/// to an auto property's backing field, but not to the generated field, helper parameters and return values, so the
/// generated members are compiled with nullable warnings off (the user's own code is analysed with the attribute).
/// </param>
internal sealed record PropertySpec(
    string Name,
    string NameLiteral,
    string BackingFieldName,
    string PropertyFieldName,
    string Type,
    string ReadType,
    string ReaderName,
    string WriterName,
    string Modifiers,
    string GetterModifiers,
    string SetterModifiers,
    bool IsInit,
    string ValueExpression,
    bool NeedsDefaultInitializer,
    bool SetterAssertsBackingField,
    bool HidesGeneratedMembers,
    bool SuppressNullableWarnings);
