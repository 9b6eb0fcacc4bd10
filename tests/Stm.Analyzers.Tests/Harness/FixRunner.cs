using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Stm.Analyzers.Tests.Harness;

/// <summary>Applies code fixes (one diagnostic, or FixAll in the document) and compares the resulting source text.</summary>
internal static class FixRunner
{
    /// <summary>
    /// Applies the fix registered under <paramref name="equivalenceKey"/> to the first diagnostic (the first in the
    /// <c>[|marked|]</c> span, if any) and compares the text.
    /// </summary>
    public static async Task VerifyFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string before, string expected, string equivalenceKey, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, LanguageVersion? languageVersion = null)
    {
        Markup markup = Markup.Parse(before);
        Document document = TestProject.CreateDocument(markup.Source, outputKind: outputKind, languageVersion: languageVersion);
        await VerifyFixAsync(analyzer, fixer, document, markup, expected, equivalenceKey);
    }

    /// <summary><see cref="VerifyFixAsync(DiagnosticAnalyzer, CodeFixProvider, string, string, string, OutputKind, LanguageVersion?)"/> in a workspace the test built.</summary>
    public static async Task VerifyFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, Document document, Markup markup, string expected, string equivalenceKey)
    {
        Diagnostic diagnostic = await FindDiagnosticAsync(analyzer, fixer, document, markup);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        CodeAction chosen = Assert.Single(actions, a => a.EquivalenceKey == equivalenceKey);
        Document fixedDocument = await ApplyAsync(chosen, document);
        await AssertTextAsync(expected, fixedDocument);
    }

    /// <summary>
    /// The equivalence keys of the fixes offered for the first diagnostic in the <c>[|marked|]</c> span (the first
    /// diagnostic when nothing is marked), sorted.
    /// </summary>
    public static async Task<string[]> GetOfferedFixesAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string source, LanguageVersion? languageVersion = null)
    {
        Markup markup = Markup.Parse(source);
        return await GetOfferedFixesAsync(analyzer, fixer, TestProject.CreateDocument(markup.Source, languageVersion: languageVersion), markup);
    }

    /// <summary><see cref="GetOfferedFixesAsync(DiagnosticAnalyzer, CodeFixProvider, string, LanguageVersion?)"/> in a workspace the test built.</summary>
    public static async Task<string[]> GetOfferedFixesAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, Document document, Markup markup)
    {
        Diagnostic diagnostic = await FindDiagnosticAsync(analyzer, fixer, document, markup);
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.Select(a => a.EquivalenceKey ?? "").OrderBy(k => k, System.StringComparer.Ordinal).ToArray();
    }

    private static async Task<Diagnostic> FindDiagnosticAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, Document document, Markup markup)
    {
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(document.Project, analyzer);
        SyntaxTree? tree = await document.GetSyntaxTreeAsync();
        return diagnostics.First(d => fixer.FixableDiagnosticIds.Contains(d.Id)
            && d.Location.SourceTree == tree
            && (markup.Spans.Count == 0 || markup.Spans[0].Contains(d.Location.SourceSpan)));
    }

    /// <summary>
    /// Asserts that no fix is offered under <paramref name="equivalenceKey"/> for the first diagnostic (the first in the
    /// <c>[|marked|]</c> span, if any), and that the source compiles: a fix withheld from code that does not compile
    /// proves nothing.
    /// </summary>
    public static async Task VerifyNoFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string source, string equivalenceKey, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        Markup markup = Markup.Parse(source);
        Document document = TestProject.CreateDocument(markup.Source, outputKind: outputKind);
        await AssertCompilesAsync(document, "The source does not compile");
        Diagnostic diagnostic = await FindDiagnosticAsync(analyzer, fixer, document, markup);
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        Assert.DoesNotContain(actions, a => a.EquivalenceKey == equivalenceKey);
    }

    /// <summary>Runs the fixer's FixAll provider over the whole document and compares the text.</summary>
    public static async Task VerifyFixAllAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string before, string expected, string equivalenceKey, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, LanguageVersion? languageVersion = null)
    {
        Document document = TestProject.CreateDocument(Markup.Parse(before).Source, outputKind: outputKind, languageVersion: languageVersion);
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(document.Project, analyzer);
        Assert.True(diagnostics.Count(d => fixer.FixableDiagnosticIds.Contains(d.Id)) > 1, "A FixAll test needs several occurrences.");

        FixAllProvider provider = fixer.GetFixAllProvider()!;
        Assert.NotNull(provider);
        var context = new FixAllContext(
            document,
            fixer,
            FixAllScope.Document,
            equivalenceKey,
            fixer.FixableDiagnosticIds,
            new Provider(analyzer),
            CancellationToken.None);
        CodeAction? action = await provider.GetFixAsync(context);
        Assert.NotNull(action);
        Document fixedDocument = await ApplyAsync(action!, document);
        await AssertTextAsync(expected, fixedDocument);
    }

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        ApplyChangesOperation apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    /// <summary>The fixed text is the expected one, and it compiles: a fix that breaks the build is not a fix.</summary>
    private static async Task AssertTextAsync(string expected, Document document)
    {
        SourceText text = await document.GetTextAsync();
        Assert.Equal(Normalize(expected), Normalize(text.ToString()));
        await AssertCompilesAsync(document, "The fixed source does not compile");
    }

    private static async Task AssertCompilesAsync(Document document, string message)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Diagnostic[] errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !TestProject.ToleratedErrors.Contains(d.Id))
            .ToArray();
        Assert.True(errors.Length == 0, message + ":\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private sealed class Provider(DiagnosticAnalyzer analyzer) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AnalyzerRunner.GetDiagnosticsAsync(document.Project, analyzer)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzerRunner.GetDiagnosticsAsync(project, analyzer)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerRunner.GetDiagnosticsAsync(project, analyzer);
    }
}
