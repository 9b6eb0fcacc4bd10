// Shared by Stm.Generator and Stm.Analyzers (linked source, not a project): keep the API small and stable.
namespace Stm.Shared;

/// <summary>What a member of a <c>[Transactional]</c> class is, as far as the STM is concerned.</summary>
internal enum TransactionalMemberKind
{
    /// <summary>
    /// Not per-object state: methods, constructors, operators, events, nested types, constants, static
    /// members, computed properties (no backing field), and compiler-synthesized members.
    /// </summary>
    NotState = 0,

    /// <summary>A body-less partial property with <c>{ get; set; }</c> or <c>{ get; init; }</c>: the generator implements it with barriers.</summary>
    TransactionalProperty,

    /// <summary>A <c>readonly</c> instance field: its reads need no recording (STM0004).</summary>
    ImmutableField,

    /// <summary>A get-only or init-only auto property: its reads need no recording (STM0004).</summary>
    ImmutableProperty,

    /// <summary>A partial property the generator cannot implement; <see cref="MemberClassification.Reason"/> says why (STM0001 family).</summary>
    UnsupportedPartialProperty,

    /// <summary>A non-readonly instance field: mutable state the STM does not track (STM0002).</summary>
    MutableField,

    /// <summary>A settable non-partial auto property (it has a backing field): mutable state the STM does not track (STM0002).</summary>
    MutableProperty,

    /// <summary>A member emitted by the Stm generator itself (header, backing fields, property implementations): ignore it.</summary>
    Generated,
}
