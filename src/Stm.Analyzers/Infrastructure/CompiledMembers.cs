using Microsoft.CodeAnalysis;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// What a member of a compiled library (a referenced project or package, seen as metadata) still tells about itself.
/// Its syntax is gone and, under the default <see cref="MetadataImportOptions.Public"/>, so are its private fields (an
/// auto property's backing field among them); what remains are the attributes the compiler and the generator wrote.
/// </summary>
internal static class CompiledMembers
{
    /// <summary>Whether <paramref name="member"/> comes from metadata rather than from source of a compilation.</summary>
    public static bool IsFromMetadata(ISymbol member)
    {
        foreach (Location location in member.Locations)
        {
            if (location.IsInMetadata)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the compiler wrote <paramref name="accessor"/> of a compiled library: it carries
    /// <c>[System.Runtime.CompilerServices.CompilerGenerated]</c>, as the accessors of an auto property (<c>{ get; set; }</c>)
    /// and of a field-like event do, and accessors with a body of the user's (<c>set =&gt; field = value;</c> included) do not.
    /// </summary>
    public static bool IsCompilerGenerated(IMethodSymbol? accessor)
    {
        if (accessor is null)
        {
            return false;
        }

        foreach (AttributeData attribute in accessor.GetAttributes())
        {
            if (attribute.AttributeClass is
                {
                    Name: "CompilerGeneratedAttribute",
                    ContainingNamespace:
                    {
                        Name: "CompilerServices",
                        ContainingNamespace: { Name: "Runtime", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
                    },
                })
            {
                return true;
            }
        }

        return false;
    }
}
