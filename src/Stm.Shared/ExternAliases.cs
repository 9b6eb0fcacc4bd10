// Shared by Stm.Generator and Stm.Analyzers (linked source, not a project).
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Stm.Shared;

/// <summary>
/// Whether code reaches a referenced assembly's types from the global namespace, or only through extern aliases
/// (<c>&lt;Aliases&gt;stm&lt;/Aliases&gt;</c>). The generator then names them <c>stm::...</c>; the code fixes write
/// <c>Atomic</c> through an alias the file declares.
/// </summary>
internal static class ExternAliases
{
    /// <summary>The alias of the global namespace.</summary>
    public const string Global = "global";

    /// <summary>
    /// The aliases <paramref name="assembly"/> is reachable through only: empty for this compilation's own types and for
    /// a reference without aliases or with <c>global</c> among them.
    /// </summary>
    public static ImmutableArray<string> Only(Compilation compilation, IAssemblySymbol? assembly)
    {
        if (assembly is null || compilation.GetMetadataReference(assembly) is not { } reference)
        {
            return ImmutableArray<string>.Empty;
        }

        ImmutableArray<string> aliases = reference.Properties.Aliases;
        return aliases.IsDefaultOrEmpty || aliases.Contains(Global) ? ImmutableArray<string>.Empty : aliases;
    }
}
