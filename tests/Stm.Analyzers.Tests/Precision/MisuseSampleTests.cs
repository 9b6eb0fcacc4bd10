using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Stm.Analyzers.Tests.Precision;

/// <summary><c>samples/Misuse</c> is the "every rule in dotnet build" demonstration: it must keep triggering each of them.</summary>
public sealed class MisuseSampleTests
{
    private static readonly string Directory_ = RepositoryPaths.Combine("samples", "Misuse");

    [Fact]
    public async Task With_SHOW_ERRORS_every_rule_is_reported()
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync("SHOW_ERRORS");
        string[] ids = diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Meta.RuleCatalogTests.Design.Keys.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task By_default_no_error_rule_is_reported_so_the_sample_builds()
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync();
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(10, diagnostics.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_projects_own_unsafe_api_file_is_honoured()
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync();
        Assert.Contains(diagnostics, d => d.Id == "STM0010" && d.GetMessage().StartsWith("'Mailer.Send'", StringComparison.Ordinal));
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] symbols) => SourceSetAnalysis.AnalyzeAsync(
        "Misuse",
        SourceSetAnalysis.CSharpFiles(Directory_),
        OutputKind.ConsoleApplication,
        runGenerator: true,
        preprocessorSymbols: symbols,
        additionalFiles: Directory.GetFiles(Directory_, "Stm.UnsafeApis*.txt")
            .Append(RepositoryPaths.Combine("src", "Stm.Analyzers", "build", "Stm.UnsafeApis.txt"))
            .Select(path => (path, File.ReadAllText(path))));
}
