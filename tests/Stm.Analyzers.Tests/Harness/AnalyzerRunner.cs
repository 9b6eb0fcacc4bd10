using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace Stm.Analyzers.Tests.Harness;

/// <summary>Runs analyzers over a workspace document the way the compiler does (editorconfig, pragmas, additional files).</summary>
internal static class AnalyzerRunner
{
    /// <summary>
    /// The analyzers' diagnostics for the document's project, sorted by position. Fails on compiler errors in the test
    /// source (a test of broken code proves nothing) and on analyzer exceptions (AD0001).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, params DiagnosticAnalyzer[] analyzers)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        Diagnostic[] errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !TestProject.ToleratedErrors.Contains(d.Id))
            .ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));

        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Diagnostic[] failures = diagnostics.Where(d => d.Id is "AD0001" or "AD0002").ToArray();
        Assert.True(failures.Length == 0, "An analyzer threw:\n" + string.Join("\n", failures.Select(f => f.ToString())));
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>What <paramref name="analyzer"/> registered on the project's compilation (how many actions of each kind).</summary>
    public static async Task<AnalyzerTelemetryInfo> GetTelemetryAsync(Project project, DiagnosticAnalyzer analyzer)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, System.Threading.CancellationToken.None);
    }
}
