using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stm.Shared;

namespace Stm.Generator;

public sealed partial class TransactionalGenerator
{
    /// <summary>
    /// Input the compiler already rejects, or that no generated part can serve, for which the parser produces no model
    /// (or no member): a file would only repeat the compiler's errors (or add its own). Each check says which error it
    /// stands for. The checks of the whole declaration, which the analyzers share, are in <see cref="MalformedDeclarations"/>.
    /// </summary>
    internal static class InvalidInput
    {
        /// <summary>
        /// The type declares another field, property or event of <paramref name="member"/>'s name (CS0102, CS9250 at the
        /// user's declarations): a partial property implemented twice, or record members naming an ambiguous name
        /// (CS0229), would repeat the error in the generated file, so neither is.
        /// </summary>
        public static bool IsDeclaredTwice(INamedTypeSymbol type, ISymbol member)
        {
            int count = 0;
            foreach (ISymbol namesake in type.GetMembers(member.Name))
            {
                if (namesake is IFieldSymbol or IPropertySymbol { IsIndexer: false } or IEventSymbol && !namesake.IsImplicitlyDeclared)
                {
                    count++;
                }
            }

            return count > 1;
        }

        /// <summary>
        /// A class declared in several parts with <c>[Transactional]</c> on more than one (an error the
        /// compiler reports) would otherwise produce two models and a duplicate hint name: only the
        /// declaration carrying the first such attribute produces one.
        /// </summary>
        public static bool IsFirstAttributedDeclaration(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.DeclaringSyntaxReferences.Length < 2)
            {
                return true;
            }

            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != TransactionalChecks.TransactionalAttributeMetadataName
                    || attribute.ApplicationSyntaxReference is not { } reference)
                {
                    continue;
                }

                SyntaxNode? declaration = reference.GetSyntax(cancellationToken).Parent?.Parent;
                return declaration is not null
                    && declaration.SyntaxTree == context.TargetNode.SyntaxTree
                    && declaration.Span == context.TargetNode.Span;
            }

            return true;
        }
    }
}
