using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Stm.Generator;

namespace Stm.Generator.Tests;

/// <summary>Runs the generator over in-memory sources, the way the compiler does, and compiles the result.</summary>
internal static class GeneratorHarness
{
    /// <summary>
    /// C# preview (what the SDK's C# 14 is to Roslyn 4.14: the field keyword, extension blocks), documentation comments
    /// checked (so generated public members must be documented).
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Preview, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The framework plus Stm.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation CreateCompilation(IEnumerable<(string Path, string Source)> sources, string assemblyName = "Tests", IEnumerable<MetadataReference>? extraReferences = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, s.Path)),
            References.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                allowUnsafe: true));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new TransactionalGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions, // CONVENTIONS pitfall 3: without it Roslyn throws "Inconsistent language versions"
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorOutcome Run(params (string Path, string Source)[] sources) => Run(CreateCompilation(sources));

    public static GeneratorOutcome Run(CSharpCompilation input)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorOutcome(input, output, result, generatorDiagnostics);
    }

    /// <summary>The compilation as an assembly image; fails the test with the compiler's diagnostics if it does not emit.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        Xunit.Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return stream.ToArray();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        IEnumerable<string> framework = tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"));
        return framework
            .Append(typeof(Stm.Atomic).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(CSharpCompilation Input, Compilation Output, GeneratorRunResult Result, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>Errors and warnings of the output compilation (warnings are errors here).</summary>
    public IReadOnlyList<Diagnostic> OutputProblems =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Problems located in generated files: must always be empty.</summary>
    public IReadOnlyList<Diagnostic> ProblemsInGeneratedCode =>
        OutputProblems.Where(d => d.Location.SourceTree is { } tree && Sources.Any(s => s.SyntaxTree == tree)).ToList();

    /// <summary>
    /// Problems of the output compilation that the input alone did not have: the generated code caused them. Except a
    /// missing documentation comment (CS1591) in the user's files: the compiler reports it on a partial property only once
    /// the property is implemented (CS9248 before), and the gap is the user's, as on any member.
    /// </summary>
    public IReadOnlyList<Diagnostic> NewProblems
    {
        get
        {
            var before = Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(Key).ToHashSet();
            return OutputProblems
                .Where(d => !before.Contains(Key(d)))
                .Where(d => !(d.Id == "CS1591" && !Sources.Any(s => s.SyntaxTree == d.Location.SourceTree)))
                .ToList();

            static string Key(Diagnostic d) => d.Id + "@" + d.Location.SourceTree?.FilePath + ":" + d.Location.SourceSpan;
        }
    }

    public string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()))
        + Environment.NewLine + string.Join(Environment.NewLine + "----" + Environment.NewLine, Sources.Select(s => s.HintName + ":" + Environment.NewLine + s.SourceText));
}
