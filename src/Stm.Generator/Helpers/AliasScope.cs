using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stm.Generator.Model;
using Stm.Shared;

namespace Stm.Generator.Helpers;

/// <summary>
/// How one generated file reaches the types of referenced assemblies. Normally through <c>global::</c>; but a project
/// may reference an assembly under extern aliases only (<c>&lt;Aliases&gt;stm&lt;/Aliases&gt;</c>, Stm.Runtime itself
/// or the assembly of a property's type), and then <c>global::</c> does not reach it (CS0400): its types are named
/// <c>stm::...</c> and the file declares <c>extern alias stm;</c>. Collects the aliases the file uses.
/// </summary>
internal sealed class AliasScope
{
    /// <summary>What the generated code writes before <c>::</c> for a type reachable from the global namespace.</summary>
    public const string Global = ExternAliases.Global;

    private readonly Compilation _compilation;
    private readonly SortedSet<string> _used = new(StringComparer.Ordinal);

    public AliasScope(Compilation compilation) => _compilation = compilation;

    /// <summary>The extern aliases the file must declare, in ordinal order.</summary>
    public EquatableArray<string> Used => new(_used.ToArray());

    /// <summary>
    /// The root through which the generated code names the types of <paramref name="assembly"/>: <see cref="Global"/>
    /// for this compilation's own types and for references without aliases (or with <c>global</c> among them); else the
    /// reference's first alias in ordinal order (any of them reaches the same assembly), which the file then declares.
    /// </summary>
    public string RootOf(IAssemblySymbol? assembly)
    {
        ImmutableArray<string> aliases = ExternAliases.Only(_compilation, assembly);
        if (aliases.IsEmpty)
        {
            return Global;
        }

        string alias = aliases.OrderBy(static a => a, StringComparer.Ordinal).First();
        _used.Add(alias);
        return alias;
    }
}
