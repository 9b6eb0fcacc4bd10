using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Checking;

/// <summary>
/// What a case is compiled against and checked with: the framework and Stm.Runtime, the generator, every analyzer
/// and every code fix of this repository's build (found by reflection, so a new rule is fuzzed without an edit
/// here). Builds the compilation and the generator driver for a case.
/// </summary>
internal static class Toolchain
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new(() => Instantiate<DiagnosticAnalyzer>(typeof(Stm.Analyzers.RuleIdentifiers).Assembly));
    private static readonly Lazy<ImmutableArray<CodeFixProvider>> s_fixers = new(() => Instantiate<CodeFixProvider>(typeof(Stm.Analyzers.CodeFixes.DocumentFixProvider).Assembly));

    /// <summary>The running framework's reference assemblies (the same the samples build against) plus Stm.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => s_analyzers.Value;

    public static ImmutableArray<CodeFixProvider> Fixers => s_fixers.Value;

    /// <summary>Documentation comments are checked, as in the generator tests: generated public members must be documented.</summary>
    public static CSharpParseOptions ParseOptions(FuzzCase fuzzCase) => new(fuzzCase.LanguageVersion, DocumentationMode.Diagnose);

    /// <summary>Unsafe code allowed (pointer members are part of the fuzzed space); one thread, the fuzzer's only one.</summary>
    public static CSharpCompilationOptions CompilationOptions(FuzzCase fuzzCase) =>
        new(fuzzCase.OutputKind, nullableContextOptions: fuzzCase.Nullable, allowUnsafe: true, concurrentBuild: false);

    /// <summary>The references of a case: <see cref="References"/>, with Stm.Runtime under the case's extern alias if it has one.</summary>
    public static ImmutableArray<MetadataReference> ReferencesFor(FuzzCase fuzzCase) =>
        fuzzCase.RuntimeAlias is not string alias
            ? References
            : References.Select(r => IsStmRuntime(r) ? r.WithAliases([alias]) : r).ToImmutableArray();

    public static CSharpCompilation CreateCompilation(FuzzCase fuzzCase)
    {
        CSharpParseOptions parseOptions = ParseOptions(fuzzCase);
        return CSharpCompilation.Create(
            "Tests",
            fuzzCase.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path, Encoding.UTF8)),
            ReferencesFor(fuzzCase),
            CompilationOptions(fuzzCase));
    }

    /// <summary>A fresh driver holding a fresh generator instance (the incremental check needs two independent ones).</summary>
    public static GeneratorDriver CreateDriver(FuzzCase fuzzCase) =>
        CSharpGeneratorDriver.Create(
            [new Stm.Generator.TransactionalGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions(fuzzCase), // without it Roslyn throws "Inconsistent language versions" (CONVENTIONS pitfall 3)
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static bool IsStmRuntime(MetadataReference reference) =>
        string.Equals(Path.GetFileName(reference.Display), "Stm.Runtime.dll", StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return trusted.Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(Stm.Atomic).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static ImmutableArray<T> Instantiate<T>(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
