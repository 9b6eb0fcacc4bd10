using Microsoft.CodeAnalysis;

namespace Stm.Analyzers.Infrastructure;

/// <summary>Whether other assemblies can reach a member: rules that reason about "all uses in this compilation" stay quiet then.</summary>
internal static class Visibility
{
    /// <summary>
    /// Whether code in other assemblies may call <paramref name="member"/>. Nobody references an application, so
    /// there everything counts as internal.
    /// </summary>
    public static bool IsExternallyVisible(ISymbol member, Compilation compilation)
    {
        if (compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary)
        {
            return false;
        }

        for (ISymbol? current = member; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                continue;
            }

            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
