using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// The APIs that must not run inside an atomic block, read from text files (the vs-threading pattern) rather than
/// written into the analyzers: the default list <c>Stm.UnsafeApis.txt</c> ships with the package and is also embedded
/// here, and every AdditionalFile named <c>Stm.UnsafeApis*.txt</c> adds entries.
/// </summary>
/// <remarks>
/// Format, one entry per line: <c>System.IO.File</c> (a type: every member, constructors, derived types),
/// <c>System.Threading.Thread.Sleep</c> (a member), <c>System.Net.*</c> (a namespace and those below it),
/// <c>!System.IO.MemoryStream</c> (an exception to the entries above it, in any file). <c>#</c> starts a comment.
/// A section line <c>[STM0010]</c> (irreversible effects, the default) or <c>[STM0013]</c> (locks and blocking waits)
/// says which rule reports the entries below it.
/// </remarks>
internal sealed class UnsafeApiList
{
    public const string DefaultFileName = "Stm.UnsafeApis.txt";

    private static readonly Lazy<string> EmbeddedDefault = new(ReadEmbeddedDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _members = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _namespaces = new();
    private readonly HashSet<string> _excluded = new(StringComparer.Ordinal);
    private readonly List<string> _excludedNamespaces = new();
    private readonly ConcurrentDictionary<ISymbol, UnsafeApiMatch?> _cache = new(SymbolEqualityComparer.Default);

    private UnsafeApiList()
    {
    }

    /// <summary>
    /// The list for one compilation: the AdditionalFiles named <c>Stm.UnsafeApis*.txt</c>, plus the embedded default
    /// unless an AdditionalFile named exactly <c>Stm.UnsafeApis.txt</c> (the packaged copy) is present.
    /// </summary>
    public static UnsafeApiList Create(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var list = new UnsafeApiList();
        bool sawDefault = false;
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            string name = Path.GetFileName(file.Path);
            if (!name.StartsWith("Stm.UnsafeApis", StringComparison.OrdinalIgnoreCase)
                || !name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            sawDefault |= string.Equals(name, DefaultFileName, StringComparison.OrdinalIgnoreCase);
            SourceText? text = file.GetText(cancellationToken);
            if (text is not null)
            {
                list.Add(text.ToString());
            }
        }

        if (!sawDefault)
        {
            list.Add(EmbeddedDefault.Value);
        }

        return list;
    }

    /// <summary>The embedded default list (the same text as <c>build/Stm.UnsafeApis.txt</c>).</summary>
    public static string DefaultText => EmbeddedDefault.Value;

    /// <summary>Whether referencing <paramref name="member"/> (a method, property, constructor or event) is listed as unsafe.</summary>
    public UnsafeApiMatch? Match(ISymbol member)
    {
        if (member.ContainingType is null)
        {
            return null;
        }

        ISymbol key = member.OriginalDefinition;
        return _cache.GetOrAdd(key, Compute);
    }

    private UnsafeApiMatch? Compute(ISymbol member)
    {
        string memberName = member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet, AssociatedSymbol: { } property }
            ? property.Name
            : member.Name;
        string? rule = null;
        for (INamedTypeSymbol? type = member.ContainingType; type is not null; type = type.BaseType)
        {
            string typeName = GetFullName(type);
            if (_excluded.Contains(typeName) || _excluded.Contains(typeName + "." + memberName) || IsExcludedNamespace(type))
            {
                return null;
            }

            rule ??= _members.TryGetValue(typeName + "." + memberName, out string? memberRule) ? memberRule
                : _types.TryGetValue(typeName, out string? typeRule) ? typeRule
                : FindNamespaceRule(type);
        }

        if (rule is null)
        {
            return null;
        }

        string display = member is IMethodSymbol { MethodKind: MethodKind.Constructor }
            ? "new " + member.ContainingType.Name
            : member.ContainingType.Name + "." + memberName;
        return new UnsafeApiMatch(rule, display);
    }

    private string? FindNamespaceRule(INamedTypeSymbol type)
    {
        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        foreach (KeyValuePair<string, string> entry in _namespaces)
        {
            if (ns == entry.Key || ns.StartsWith(entry.Key + ".", StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private bool IsExcludedNamespace(INamedTypeSymbol type)
    {
        if (_excludedNamespaces.Count == 0)
        {
            return false;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        foreach (string excluded in _excludedNamespaces)
        {
            if (ns == excluded || ns.StartsWith(excluded + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>System.Collections.Generic.List</c>: namespace and containing types, no generic arity.</summary>
    private static string GetFullName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder(type.Name);
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            builder.Insert(0, outer.Name + ".");
        }

        if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            builder.Insert(0, ns.ToDisplayString() + ".");
        }

        return builder.ToString();
    }

    private void Add(string text)
    {
        string rule = RuleIdentifiers.IrreversibleEffect;
        using var reader = new StringReader(text);
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            int comment = line.IndexOf('#');
            string entry = (comment >= 0 ? line.Substring(0, comment) : line).Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry[0] == '[' && entry[entry.Length - 1] == ']')
            {
                string section = entry.Substring(1, entry.Length - 2).Trim();
                rule = section == RuleIdentifiers.BlockingInAtomicBlock ? RuleIdentifiers.BlockingInAtomicBlock : RuleIdentifiers.IrreversibleEffect;
                continue;
            }

            if (entry[0] == '!')
            {
                string excluded = entry.Substring(1).Trim();
                if (excluded.EndsWith(".*", StringComparison.Ordinal))
                {
                    _excludedNamespaces.Add(excluded.Substring(0, excluded.Length - 2));
                }
                else
                {
                    _excluded.Add(excluded);
                }

                continue;
            }

            if (entry.EndsWith(".*", StringComparison.Ordinal))
            {
                _namespaces.Add(new KeyValuePair<string, string>(entry.Substring(0, entry.Length - 2), rule));
            }
            else
            {
                // Unknown whether the entry names a type or a member: record it as both; only the matching shape hits.
                _types[entry] = rule;
                _members[entry] = rule;
            }
        }
    }

    private static string ReadEmbeddedDefault()
    {
        using Stream? stream = typeof(UnsafeApiList).GetTypeInfo().Assembly.GetManifestResourceStream(DefaultFileName);
        if (stream is null)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A listed API: which rule reports it and how to name it in a message (<c>File.AppendAllText</c>).</summary>
internal sealed class UnsafeApiMatch
{
    public UnsafeApiMatch(string rule, string displayName)
    {
        Rule = rule;
        DisplayName = displayName;
    }

    public string Rule { get; }

    public string DisplayName { get; }
}
