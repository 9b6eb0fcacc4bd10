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
    /// Input the compiler already rejects, or that no generated part can serve, for which the parser produces no model:
    /// a file would only repeat the compiler's errors (or add its own). Each check says which error it stands for.
    /// </summary>
    internal static class InvalidInput
    {
        /// <summary>
        /// Whether the type, or a type containing it, shares its name and arity with another type of this compilation in
        /// the same container. Only invalid code makes one (partial parts of different kinds, CS0261: a class part and a
        /// record part, or a class part and a struct part of an outer type), and Roslyn then makes two types of one
        /// name: two files would need one hint name (the generator threw, CS8785), and one file names the other type's
        /// members. A namesake from a referenced assembly is legal (CS0436) and does not count.
        /// </summary>
        public static bool HasNamesake(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.ContainingSymbol is not INamespaceOrTypeSymbol container)
                {
                    continue;
                }

                foreach (INamedTypeSymbol other in container.GetTypeMembers(current.Name, current.Arity))
                {
                    if (!SymbolEqualityComparer.Default.Equals(other, current) && other.Locations.Length > 0 && other.Locations[0].IsInSource)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The type or a containing type has no name (CS1001): the file would declare a nameless type.</summary>
        public static bool HasNamelessType(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.Name.Length == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A type parameter without a name (CS1001), or with a variance modifier, which only interfaces and delegates may
        /// have (CS1960): the generated declaration repeats the list as the symbol has it, and the error with it.
        /// </summary>
        public static bool HasMalformedTypeParameter(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                foreach (ITypeParameterSymbol parameter in current.TypeParameters)
                {
                    if (parameter.Name.Length == 0 || (parameter.Variance != VarianceKind.None && current.TypeKind is not (TypeKind.Interface or TypeKind.Delegate)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A containing namespace has no name (CS1001): the file would open a nameless namespace.</summary>
        public static bool HasNamelessNamespace(INamedTypeSymbol type)
        {
            for (INamespaceSymbol? current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                if (current.Name.Length == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The class declares two properties of this name (CS0102, CS9250 at the user's declarations): implementing both
        /// would repeat the errors in the generated file, so neither is.
        /// </summary>
        public static bool IsDeclaredTwice(INamedTypeSymbol type, IPropertySymbol property)
        {
            int count = 0;
            foreach (ISymbol member in type.GetMembers(property.Name))
            {
                if (member is IPropertySymbol { IsIndexer: false })
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
