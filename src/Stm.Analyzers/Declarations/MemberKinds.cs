using Microsoft.CodeAnalysis;
using Stm.Shared;

namespace Stm.Analyzers.Declarations;

/// <summary>
/// The shared <see cref="TransactionalChecks.ClassifyMember"/>, read from the analyzers' side: they run on the compilation
/// that already contains the generator's output, where a transactional property's definition has a generated
/// implementation part and the shared check answers <see cref="TransactionalMemberKind.Generated"/>. For the rules that
/// is still the user's transactional property.
/// </summary>
internal static class MemberKinds
{
    public static TransactionalMemberKind Classify(ISymbol member)
    {
        TransactionalMemberKind kind = TransactionalChecks.ClassifyMember(member).Kind;
        if (kind == TransactionalMemberKind.Generated
            && member is IPropertySymbol { IsPartialDefinition: true, PartialImplementationPart: not null })
        {
            return TransactionalMemberKind.TransactionalProperty;
        }

        return kind;
    }
}
