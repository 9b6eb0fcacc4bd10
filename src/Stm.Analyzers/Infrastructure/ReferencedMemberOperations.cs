using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Stm.Analyzers.Infrastructure;

/// <summary>The operation kinds through which code calls or names a member (see <see cref="UnsafeCallGraph.GetReferencedMember"/>).</summary>
internal static class ReferencedMemberOperations
{
    public static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.Invocation,
        OperationKind.ObjectCreation,
        OperationKind.PropertyReference,
        OperationKind.MethodReference,
        OperationKind.EventReference);
}
