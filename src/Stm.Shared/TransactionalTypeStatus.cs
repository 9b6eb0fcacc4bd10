// Shared by Stm.Generator and Stm.Analyzers (linked source, not a project): keep the API small and stable.
namespace Stm.Shared;

/// <summary>
/// Whether a type marked <c>[Transactional]</c> can be implemented by the generator, and if not, why.
/// The generator emits nothing for a type whose status is not <see cref="Supported"/>; the analyzers
/// report STM0001 with the reason.
/// </summary>
internal enum TransactionalTypeStatus
{
    /// <summary>A partial class (or <c>record class</c>) in partial containing types: the generator implements it.</summary>
    Supported = 0,

    /// <summary>An enum, a delegate or another kind of type that is not a class.</summary>
    NotAClass,

    /// <summary>A <c>struct</c>: values are copied, so a per-object header cannot work.</summary>
    Struct,

    /// <summary>A <c>record struct</c>: a struct, see <see cref="Struct"/>.</summary>
    RecordStruct,

    /// <summary>An interface: it has no state to track.</summary>
    Interface,

    /// <summary>A <c>static</c> class: it has no instances to track.</summary>
    Static,

    /// <summary>Some declaration of the class lacks the <c>partial</c> modifier.</summary>
    NotPartial,

    /// <summary>A containing type lacks the <c>partial</c> modifier, so the generator cannot add to the nested class.</summary>
    ContainingTypeNotPartial,

    /// <summary>
    /// The class (or a containing type) is file-local (<c>file class</c>): every part must be in one file,
    /// so a generated part cannot be added.
    /// </summary>
    FileLocal,

    /// <summary>
    /// The class is named, or declares a member whose name starts, with <c>__stm</c>: those names are reserved for the
    /// generated header, backing fields and property identities, and would clash.
    /// </summary>
    ReservedMemberName,

    /// <summary>A base class does not resolve: the compiler already reports it, and nothing can be generated safely until it does.</summary>
    InvalidBaseType,

    /// <summary>
    /// A base class implements <c>ITransactionalObject</c> by hand, without <c>[Transactional]</c>: the generated part of
    /// a derived class builds on the header field and publish method a generated base part declares.
    /// </summary>
    HandWrittenTransactionalBase,

    /// <summary>
    /// A type parameter of the class or of a containing type hides one of a type further out (CS0693): generated code
    /// cannot name the outer one from inside the class.
    /// </summary>
    HiddenTypeParameter,

    /// <summary>
    /// The project declares a type that hides a name the generated code needs: a type named <c>System</c> in the global
    /// namespace (so <c>global::System</c> names it, not the namespace: CS0437), or a type in <c>Stm.Internal</c>
    /// named like the runtime type the generated code calls (CS0436).
    /// </summary>
    ShadowedGeneratedName,
}
