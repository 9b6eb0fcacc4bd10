using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Analyzers.CodeFixes;
using Xunit;

namespace Stm.Analyzers.Tests.Meta;

/// <summary>
/// The catalogue of rules against DESIGN §4: every ID exists with its severity, has a docs page and a help link to it,
/// appears in the release-tracking files, and has a code fix or a stated reason for not having one.
/// </summary>
public sealed class RuleCatalogTests
{
    /// <summary>DESIGN §4, the contract: IDs and severities are fixed.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticSeverity> Design = new Dictionary<string, DiagnosticSeverity>
    {
        ["STM0001"] = DiagnosticSeverity.Error,
        ["STM0002"] = DiagnosticSeverity.Warning,
        ["STM0003"] = DiagnosticSeverity.Warning,
        ["STM0004"] = DiagnosticSeverity.Info,
        ["STM0005"] = DiagnosticSeverity.Info,
        ["STM0010"] = DiagnosticSeverity.Warning,
        ["STM0011"] = DiagnosticSeverity.Warning,
        ["STM0012"] = DiagnosticSeverity.Error,
        ["STM0013"] = DiagnosticSeverity.Warning,
        ["STM0014"] = DiagnosticSeverity.Warning,
        ["STM0015"] = DiagnosticSeverity.Warning,
        ["STM0016"] = DiagnosticSeverity.Warning,
    };

    /// <summary>Each rule's code fix, or why it has none (the same reason opens the "Code fix" section of its docs page).</summary>
    public static readonly IReadOnlyDictionary<string, object> FixOrReason = new Dictionary<string, object>
    {
        ["STM0001"] = typeof(MakeClassPartialCodeFix),
        ["STM0002"] = typeof(TrackMutableMemberCodeFix),
        ["STM0003"] = "No code fix: the replacement",
        ["STM0004"] = "No code fix: the member is already in the recommended form",
        ["STM0005"] = typeof(MakePropertyImmutableCodeFix),
        ["STM0010"] = typeof(DeferEffectCodeFix),
        ["STM0011"] = "No code fix: the right place for the effect is in the called method",
        ["STM0012"] = "No code fix: moving the asynchronous work out of the block",
        ["STM0013"] = "No code fix: removing a lock",
        ["STM0014"] = "No code fix: the field must become transactional state",
        ["STM0015"] = typeof(WrapInAtomicRunCodeFix),
        ["STM0016"] = "No code fix: whether the caller should open the transaction",
    };

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = Analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray();

    public static IEnumerable<object[]> Ids => Design.Keys.Select(id => new object[] { id });

    [Fact]
    public void Exactly_the_designed_ids_exist()
    {
        Assert.Equal(Design.Keys.Order(), Descriptors.Select(d => d.Id).Distinct().Order());
        Assert.Equal(Design.Keys.Order(), typeof(RuleIdentifiers).GetFields().Where(f => f.IsLiteral && f.Name != nameof(RuleIdentifiers.HelpBaseUri)).Select(f => (string)f.GetValue(null)!).Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_the_designed_severity_and_is_on_by_default(string id)
    {
        DiagnosticDescriptor descriptor = Assert.Single(Descriptors, d => d.Id == id);
        Assert.Equal(Design[id], descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_at_an_existing_docs_page(string id)
    {
        DiagnosticDescriptor descriptor = Assert.Single(Descriptors, d => d.Id == id);
        Assert.Equal("https://github.com/stm-dotnet/stm/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        string relative = descriptor.HelpLinkUri.Substring("https://github.com/stm-dotnet/stm/blob/main/".Length);
        string page = RepositoryPaths.Combine(relative.Split('/'));
        Assert.True(File.Exists(page), "missing docs page " + page);
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text, StringComparison.Ordinal);
        foreach (string section in new[] { "## Cause", "## Why it matters for STM", "## How to fix", "Non-compliant:", "Compliant:", "## Code fix", "## How to configure or suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
        Assert.Contains("#pragma warning disable " + id, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_index_lists_every_rule_and_no_page_is_orphaned()
    {
        string index = File.ReadAllText(RepositoryPaths.Combine("docs", "diagnostics", "README.md"));
        foreach (string id in Design.Keys)
        {
            Assert.Contains("[" + id + "](" + id + ".md)", index, StringComparison.Ordinal);
        }

        string[] pages = Directory.GetFiles(RepositoryPaths.Combine("docs", "diagnostics"), "STM*.md").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;
        Assert.Equal(Design.Keys.Order(), pages);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_is_in_the_release_tracking_files(string id)
    {
        DiagnosticDescriptor descriptor = Assert.Single(Descriptors, d => d.Id == id);
        string shipped = File.ReadAllText(RepositoryPaths.Combine("src", "Stm.Analyzers", "AnalyzerReleases.Shipped.md"));
        string unshipped = File.ReadAllText(RepositoryPaths.Combine("src", "Stm.Analyzers", "AnalyzerReleases.Unshipped.md"));
        string expected = id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |";
        Assert.True(shipped.Contains(expected, StringComparison.Ordinal) || unshipped.Contains(expected, StringComparison.Ordinal), "no release entry '" + expected + "'");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_a_code_fix_or_states_why_not(string id)
    {
        CodeFixProvider[] providers = typeof(DocumentFixProvider).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .Where(p => p.FixableDiagnosticIds.Contains(id))
            .ToArray();
        string page = File.ReadAllText(RepositoryPaths.Combine("docs", "diagnostics", id + ".md"));
        string fixSection = page.Substring(page.IndexOf("## Code fix", StringComparison.Ordinal));
        switch (FixOrReason[id])
        {
            case Type fixType:
                CodeFixProvider provider = Assert.Single(providers);
                Assert.Equal(fixType, provider.GetType());
                Assert.NotNull(provider.GetFixAllProvider());
                Assert.NotNull(fixType.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).SingleOrDefault());
                Assert.DoesNotContain("No code fix", fixSection.Split("\n## ")[0], StringComparison.Ordinal);
                break;
            case string reason:
                Assert.Empty(providers);
                Assert.StartsWith("## Code fix\n\n" + reason, fixSection.Replace("\r\n", "\n"), StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void One_analyzer_per_file_under_Rules_named_after_the_class()
    {
        foreach (DiagnosticAnalyzer analyzer in Analyzers)
        {
            Type type = analyzer.GetType();
            Assert.Equal("Stm.Analyzers.Rules", type.Namespace);
            Assert.True(File.Exists(RepositoryPaths.Combine("src", "Stm.Analyzers", "Rules", type.Name + ".cs")), type.Name);
            Assert.Single(analyzer.SupportedDiagnostics);
        }
    }
}
