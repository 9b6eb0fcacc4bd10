// Shared by Stm.Generator and Stm.Analyzers (linked source, not a project): keep the API small and stable.
namespace Stm.Shared;

/// <summary>Why a partial property of a <c>[Transactional]</c> class cannot be implemented by the generator.</summary>
internal enum UnsupportedPropertyReason
{
    /// <summary>The property is supported (or is not a partial property at all).</summary>
    None = 0,

    /// <summary>A <c>static</c> property: not per-object state.</summary>
    Static,

    /// <summary>Returns by reference (<c>ref</c>/<c>ref readonly</c>): callers could write around the barrier.</summary>
    RefReturning,

    /// <summary>An indexer: there is no single backing field to put behind a barrier.</summary>
    Indexer,

    /// <summary>The partial property already has an implementing declaration written by hand.</summary>
    HasImplementation,

    /// <summary>The property type is (or contains) a type that does not resolve.</summary>
    ErrorType,

    /// <summary>The property type is a ref struct (<c>Span&lt;T&gt;</c>, ...): it cannot be stored in a class field.</summary>
    RefLikeType,

    /// <summary>The property type is a pointer or function pointer: unsafe code is not tracked.</summary>
    PointerType,

    /// <summary><c>abstract</c> or <c>extern</c>: there is nothing for the generator to implement.</summary>
    AbstractOrExtern,

    /// <summary>No <c>get</c> accessor, or no <c>set</c>/<c>init</c> accessor: only <c>{ get; set; }</c> and <c>{ get; init; }</c> are supported.</summary>
    AccessorShape,

    /// <summary>An explicit interface implementation: not a shape the generator implements.</summary>
    ExplicitInterfaceImplementation,

    /// <summary>
    /// The declaration has syntax errors, or contradictory or repeated modifiers (<c>public private</c>,
    /// <c>virtual sealed</c>): the compiler reports it, and an implementation copying it could not compile.
    /// </summary>
    InvalidDeclaration,

    /// <summary>
    /// The property type is (or contains) a file-local type (<c>file class</c>): the generated part lives in
    /// another file and cannot name it (and the compiler already rejects it in a non-file-local class).
    /// </summary>
    FileLocalType,
}
