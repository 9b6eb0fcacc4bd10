using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Stm.Fuzz.Checking;

/// <summary>Runs every Stm analyzer over a compilation: none may throw, whatever the code looks like.</summary>
internal static class AnalyzerCheck
{
    /// <summary>The analyzers' diagnostics (empty if the driver itself threw); crashes become findings.</summary>
    /// <param name="stage">Which compilation this is, for the signature: "on output" (what a build analyzes) or "on input".</param>
    public static ImmutableArray<Diagnostic> Run(Compilation compilation, string stage, CheckResult result)
    {
        var crashes = new List<(Exception Exception, DiagnosticAnalyzer Analyzer)>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (crashes)
                {
                    crashes.Add((exception, analyzer));
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = compilation.WithAnalyzers(Toolchain.Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            result.Add(Finding.Create(FindingKind.AnalyzerCrash, $"the analyzer driver threw {stage} {Signatures.Exception(ex)}", ex.ToString()));
            return [];
        }

        foreach ((Exception exception, DiagnosticAnalyzer analyzer) in crashes)
        {
            result.Add(Finding.Create(FindingKind.AnalyzerCrash, $"{analyzer.GetType().Name} {stage} {Signatures.Exception(exception)}", analyzer.GetType().FullName + "\n" + exception));
        }

        // AD0001 duplicates a crash already reported through the callback; AD0002 (a diagnostic with an unsupported id) has no callback.
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id == "AD0002" || (d.Id == "AD0001" && crashes.Count == 0)))
        {
            result.Add(Finding.Create(FindingKind.AnalyzerCrash, $"{diagnostic.Id} {stage} {Signatures.Message(diagnostic.GetMessage(CultureInfo.InvariantCulture))}", diagnostic.ToString()));
        }

        return diagnostics;
    }
}
