using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stm.Shared;

/// <summary>
/// Declarations the compiler already rejects in a way that leaves no sound file to generate: the generator emits
/// nothing for such a type, and a class deriving from one counts it as not implemented (so it declares its own
/// header instead of relying on one that is never generated). Each check says which error it stands for.
/// </summary>
internal static class MalformedDeclarations
{
    /// <summary>Whether <paramref name="type"/>, or a type or namespace around it, is declared so that no file can serve it.</summary>
    public static bool Any(INamedTypeSymbol type, CancellationToken cancellationToken = default)
    {
        // The declaration is what is malformed, not a construction of it (a base 'Base<U[]>' is not a namesake of 'Base<T>').
        INamedTypeSymbol declared = type.OriginalDefinition;
        return HasNamelessType(declared) // 'partial class { }', here or around it: the compiler reports the missing name; a file would only add errors
            || HasNamelessNamespace(declared) // 'namespace { }': likewise
            || HasMalformedTypeParameter(declared) // 'class C<> { }', 'class C<T, > { }', 'class C<in T>' here or around it: likewise
            || HasMalformedHeader(declared, cancellationToken) // 'class C<T> where T allows : ref struct', 'record R : B< public T>': likewise
            || HasNamesake(declared); // parts of different kinds (CS0261): the compiler reports it
    }

    /// <summary>
    /// Whether a declaration of the type, or of a type containing it, has a syntax error before its body: in its name,
    /// type parameters, record parameters, base list or constraints, or no opening brace. The generated declaration
    /// repeats those parts as the symbols have them, and what the parser recovered (a constraint on a type named
    /// <c>allows</c>, a base type <c>Node&lt;&gt;</c>) only adds errors there.
    /// </summary>
    public static bool HasMalformedHeader(INamedTypeSymbol type, CancellationToken cancellationToken = default)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (SyntaxReference reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && HeaderHasErrors(declaration))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HeaderHasErrors(TypeDeclarationSyntax declaration)
    {
        if ((declaration.OpenBraceToken.IsMissing && declaration.SemicolonToken.IsKind(SyntaxKind.None))
            || HasSyntaxError(declaration.Identifier)
            || HasSyntaxError(declaration.TypeParameterList)
            || HasSyntaxError(declaration.ParameterList)
            || HasSyntaxError(declaration.BaseList))
        {
            return true;
        }

        foreach (TypeParameterConstraintClauseSyntax clause in declaration.ConstraintClauses)
        {
            if (HasSyntaxError(clause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the parser reported an error inside <paramref name="node"/> (a warning, such as a <c>#warning</c> directive, does not count).</summary>
    public static bool HasSyntaxError(SyntaxNode? node) => node is { ContainsDiagnostics: true } && AnyError(node.GetDiagnostics());

    private static bool HasSyntaxError(SyntaxToken token) =>
        token.ContainsDiagnostics && token.SyntaxTree is { } tree && AnyError(tree.GetDiagnostics(token));

    private static bool AnyError(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

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
}
