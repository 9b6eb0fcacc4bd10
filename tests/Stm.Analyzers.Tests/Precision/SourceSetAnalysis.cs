using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Generator;
using Xunit;

namespace Stm.Analyzers.Tests.Precision;

/// <summary>Compiles a set of real source files (optionally with the Stm generator) and runs every Stm analyzer over it.</summary>
internal static class SourceSetAnalysis
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    // Preview: the projects build with C# 14 (the SDK's compiler), which Roslyn 4.14 knows as preview (the field keyword).
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>Every <c>*.cs</c> below <paramref name="directory"/>, outside bin/obj.</summary>
    public static string[] CSharpFiles(string directory) => Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
        .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The analyzers' diagnostics over <paramref name="files"/>. Fails when the set does not compile (with the generator's
    /// output when <paramref name="runGenerator"/>) or when an analyzer throws.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        string assemblyName,
        IEnumerable<string> files,
        OutputKind outputKind,
        bool runGenerator,
        bool referenceStmRuntime = true,
        IEnumerable<MetadataReference>? extraReferences = null,
        bool allowUnsafe = false,
        IEnumerable<string>? preprocessorSymbols = null,
        IEnumerable<(string Path, string Text)>? additionalFiles = null)
    {
        CSharpParseOptions parseOptions = ParseOptions.WithPreprocessorSymbols(preprocessorSymbols ?? []);
        SyntaxTree[] trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path)).ToArray();
        Assert.NotEmpty(trees);
        IEnumerable<MetadataReference> references = Framework();
        if (referenceStmRuntime)
        {
            references = references.Append(MetadataReference.CreateFromFile(typeof(Stm.Atomic).Assembly.Location));
        }

        Compilation compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references.Concat(extraReferences ?? []),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: allowUnsafe));
        if (runGenerator)
        {
            CSharpGeneratorDriver.Create([new TransactionalGenerator().AsSourceGenerator()], parseOptions: parseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        // Errors inside generated files are the generator's business (its own tests check them) and do not change what the
        // analyzers see in user code; errors in the user code itself would make this test meaningless.
        Diagnostic[] errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !IsGenerated(d.Location.SourceTree))
            .ToArray();
        Assert.True(errors.Length == 0, assemblyName + " does not compile:\n" + string.Join("\n", errors.Take(20).Select(e => e.ToString())));

        ImmutableArray<AdditionalText> texts = (additionalFiles ?? []).Select(f => (AdditionalText)new FileText(f.Path, f.Text)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
        Diagnostic[] failures = diagnostics.Where(d => d.Id.StartsWith("AD", StringComparison.Ordinal)).ToArray();
        Assert.True(failures.Length == 0, "An analyzer threw on " + assemblyName + ":\n" + string.Join("\n", failures.Select(f => f.ToString())));
        return diagnostics;
    }

    private static bool IsGenerated(SyntaxTree? tree) =>
        tree is not null && tree.FilePath.StartsWith("Stm.Generator", StringComparison.Ordinal);

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d =>
        Path.GetFileName(d.Location.SourceTree?.FilePath) + "(" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + "): " + d.Id + " " + d.GetMessage()));

    private static IEnumerable<MetadataReference> Framework()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
