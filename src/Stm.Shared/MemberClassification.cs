// Shared by Stm.Generator and Stm.Analyzers (linked source, not a project): keep the API small and stable.
using System;

namespace Stm.Shared;

/// <summary>The result of <see cref="TransactionalChecks.ClassifyMember"/>: a kind, and for unsupported partial properties a reason.</summary>
internal readonly struct MemberClassification : IEquatable<MemberClassification>
{
    public MemberClassification(TransactionalMemberKind kind, UnsupportedPropertyReason reason = UnsupportedPropertyReason.None)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>What the member is.</summary>
    public TransactionalMemberKind Kind { get; }

    /// <summary>Why an <see cref="TransactionalMemberKind.UnsupportedPartialProperty"/> is unsupported; otherwise <see cref="UnsupportedPropertyReason.None"/>.</summary>
    public UnsupportedPropertyReason Reason { get; }

    public bool Equals(MemberClassification other) => Kind == other.Kind && Reason == other.Reason;

    public override bool Equals(object? obj) => obj is MemberClassification other && Equals(other);

    public override int GetHashCode() => ((int)Kind * 397) ^ (int)Reason;

    public override string ToString() => Reason == UnsupportedPropertyReason.None ? Kind.ToString() : Kind + " (" + Reason + ")";
}
