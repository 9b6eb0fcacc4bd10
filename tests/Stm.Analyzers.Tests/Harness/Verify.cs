using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Stm.Analyzers.Tests.Harness;

/// <summary>Assertions for analyzer tests: the <c>[|...|]</c> spans of the markup are exactly where the analyzer reports.</summary>
internal static class Verify
{
    /// <summary>
    /// Asserts that <paramref name="analyzer"/> reports its rule exactly at the marked spans; returns those diagnostics.
    /// <paramref name="references"/> are added to the project (libraries from <see cref="TestLibrary.Compile"/>).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(
        DiagnosticAnalyzer analyzer,
        string markup,
        string? editorConfig = null,
        IEnumerable<(string Name, string Text)>? additionalFiles = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IEnumerable<MetadataReference>? references = null)
    {
        var parsed = Markup.Parse(markup);
        Document document = TestProject.CreateDocument(parsed.Source, editorConfig, additionalFiles, outputKind);
        document = document.Project.AddMetadataReferences(references ?? []).GetDocument(document.Id)!;
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(document.Project, analyzer);
        string expected = string.Join("\n", parsed.Spans.Select(span => Describe(parsed.Source, span)));
        string actual = string.Join("\n", diagnostics.Select(d => Describe(parsed.Source, d.Location.SourceSpan)));
        Assert.True(
            expected == actual,
            "Expected diagnostics at:\n" + expected + "\n\nActual:\n" + string.Join("\n", diagnostics.Select(d => Describe(parsed.Source, d.Location.SourceSpan) + "  " + d.Id + ": " + d.GetMessage())));
        return diagnostics;
    }

    /// <summary>Asserts that the analyzer reports nothing on <paramref name="source"/>.</summary>
    public static Task NoDiagnosticsAsync(DiagnosticAnalyzer analyzer, string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, IEnumerable<MetadataReference>? references = null) =>
        DiagnosticsAsync(analyzer, source, outputKind: outputKind, references: references);

    private static string Describe(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        "(" + span.Start + ".." + span.End + ") '" + source.Substring(span.Start, span.Length) + "'";
}
