namespace Stm.Generator.Model;

/// <summary>Everything the emitter needs to write one <c>[Transactional]</c> class: strings, flags and equatable arrays only.</summary>
/// <param name="HintNameBase">Unique, stable file name stem: namespace, containing types joined by <c>+</c>, generic arity after a backtick.</param>
/// <param name="Namespace">The namespace (keywords escaped), or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The chain of containing types, outermost first.</param>
/// <param name="Keyword"><c>class</c> or <c>record</c>.</param>
/// <param name="Name">The class name (escaped) with its type parameter list, e.g. <c>Box&lt;T&gt;</c>.</param>
/// <param name="ConstructorName">The class name alone (escaped), for constructors.</param>
/// <param name="FullyQualifiedName">The <c>global::</c> name with type parameters, for <c>typeof</c> and casts.</param>
/// <param name="IsSealed">Sealed: the header is private instead of protected.</param>
/// <param name="IsRoot">No transactional base class: this class declares the header and implements <c>ITransactionalObject</c>.</param>
/// <param name="Properties">The transactional properties, in ordinal order of their names.</param>
/// <param name="Record">Record members to emit for a <c>record class</c>, or <see langword="null"/>.</param>
/// <param name="ExperimentalIds">The diagnostic ids of <c>[Experimental]</c> APIs the generated file names, to suppress there.</param>
/// <param name="RuntimeRoot">How the file reaches Stm.Runtime: <c>global</c>, or the extern alias the project references it under.</param>
/// <param name="ExternAliases">The extern aliases the file declares (the runtime's and those of property types), in ordinal order.</param>
internal sealed record TransactionalTypeSpec(
    string HintNameBase,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Keyword,
    string Name,
    string ConstructorName,
    string FullyQualifiedName,
    bool IsSealed,
    bool IsRoot,
    EquatableArray<PropertySpec> Properties,
    RecordSpec? Record,
    EquatableArray<string> ExperimentalIds,
    string RuntimeRoot,
    EquatableArray<string> ExternAliases);
