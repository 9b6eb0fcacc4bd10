using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Stm.Analyzers.Tests.Precision;

/// <summary>
/// The analyzers over code written to be correct: the repository's samples, the generator's valid inputs, and the runtime
/// with its tests (a large valid set). Nothing may throw, and nothing a reviewer would call a false positive may appear.
/// </summary>
public sealed class PrecisionTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Samples() => Directory.EnumerateDirectories(RepositoryPaths.Combine("samples"))
        .Select(Path.GetFileName)
        .Where(name => name != "Misuse") // wrong on purpose
        .Order(StringComparer.Ordinal)
        .Select(name => new object[] { name! });

    public static IEnumerable<object[]> GeneratorInputs() => Directory.EnumerateDirectories(RepositoryPaths.Combine("tests", "Stm.Generator.Tests", "Snapshots"))
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)
        .Select(name => new object[] { name! });

    /// <summary>Each set is compiled and analyzed once per test run; the tests below share the results.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<ImmutableArray<Diagnostic>>>> Results = new();

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Samples_get_no_warnings(string sample) => Check(await Sample(sample));

    [Theory]
    [MemberData(nameof(GeneratorInputs))]
    public async Task Generator_inputs_get_no_warnings(string caseName) => Check(await GeneratorInput(caseName));

    [Fact]
    public async Task Runtime_sources_analyze_without_exceptions_or_reports() => Check(await RuntimeSources());

    [Fact]
    public async Task Runtime_tests_analyze_without_exceptions_or_false_positives() => Check(await RuntimeTests());

    [Fact]
    public async Task Generated_tests_analyze_without_exceptions_or_false_positives() => Check(await GeneratedTests());

    private void Check(ImmutableArray<Diagnostic> diagnostics)
    {
        output.WriteLine(SourceSetAnalysis.Describe(diagnostics));
        AssertOnlyInformation(diagnostics);
    }

    private static Task<ImmutableArray<Diagnostic>> Sample(string sample) => Cached("sample:" + sample, () =>
        SourceSetAnalysis.AnalyzeAsync(sample, SourceSetAnalysis.CSharpFiles(RepositoryPaths.Combine("samples", sample)), OutputKind.ConsoleApplication, runGenerator: true));

    private static Task<ImmutableArray<Diagnostic>> GeneratorInput(string caseName) => Cached("generator:" + caseName, () =>
        SourceSetAnalysis.AnalyzeAsync(
            caseName,
            Directory.GetFiles(RepositoryPaths.Combine("tests", "Stm.Generator.Tests", "Snapshots", caseName), "input*.cs").Order(StringComparer.Ordinal),
            OutputKind.DynamicallyLinkedLibrary,
            runGenerator: true));

    // Stm.Atomic defined in source: the rules resolve it from the compilation itself.
    private static Task<ImmutableArray<Diagnostic>> RuntimeSources() => Cached("runtime", () =>
        SourceSetAnalysis.AnalyzeAsync("Stm.Runtime", SourceSetAnalysis.CSharpFiles(RepositoryPaths.Combine("src", "Stm.Runtime")), OutputKind.DynamicallyLinkedLibrary, runGenerator: false, referenceStmRuntime: false, allowUnsafe: true));

    private static Task<ImmutableArray<Diagnostic>> RuntimeTests() => Cached("runtime-tests", () =>
        SourceSetAnalysis.AnalyzeAsync("Stm.Runtime.Tests", SourceSetAnalysis.CSharpFiles(RepositoryPaths.Combine("tests", "Stm.Runtime.Tests")), OutputKind.DynamicallyLinkedLibrary, runGenerator: false, extraReferences: Xunit()));

    private static Task<ImmutableArray<Diagnostic>> GeneratedTests() => Cached("generated-tests", () =>
        SourceSetAnalysis.AnalyzeAsync("Stm.Generated.Tests", SourceSetAnalysis.CSharpFiles(RepositoryPaths.Combine("tests", "Stm.Generated.Tests")), OutputKind.DynamicallyLinkedLibrary, runGenerator: true, extraReferences: Xunit()));

    private static Task<ImmutableArray<Diagnostic>> Cached(string key, Func<Task<ImmutableArray<Diagnostic>>> analyze) =>
        Results.GetOrAdd(key, _ => new Lazy<Task<ImmutableArray<Diagnostic>>>(analyze)).Value;

    /// <summary>
    /// Reports on these sets that are right (true positives), each with the reason; every one must still be reported, and
    /// nothing else above Info may be. (file, rule, text in the message)
    /// </summary>
    private static readonly (string File, string Id, string Fragment, string Why)[] TruePositives =
    [
        ("input.cs", "STM0003", "'Old.Items'", "NullableOblivious snapshot: the generator supports any property type, including List<T>; its contents are not isolated"),
        ("input.cs", "STM0003", "'Everything.Numbers'", "PropertyTypes snapshot: every property type, including arrays and collections, is supported and warned about"),
        ("input.cs", "STM0003", "'Everything.Names'", "PropertyTypes snapshot: an array"),
        ("input.cs", "STM0003", "'Everything.Grid'", "PropertyTypes snapshot: a multi-dimensional array"),
        ("input.cs", "STM0003", "'Everything.List'", "PropertyTypes snapshot: a List<T>"),
        ("input.cs", "STM0003", "'Everything.Map'", "PropertyTypes snapshot: a Dictionary<K,V>"),
        ("input.cs", "STM0003", "'Pair.Map'", "Generic snapshot: a Dictionary<TKey,TValue>"),
        ("input.cs", "STM0003", "'Person._tags'", "Record snapshot: a readonly List<string> the generator deliberately leaves alone; its contents are not isolated"),
        ("input.cs", "STM0002", "'Person.Visits'", "Record snapshot: a mutable field the generator deliberately leaves alone; it is untracked"),
        // The runtime tests hand-write the generator's output (so they do not depend on it): to the rules those classes use
        // the reserved __stm prefix, which is exactly what STM0001 says.
        ("*", "STM0001", "a prefix reserved for generated members", "runtime test models hand-write the generated shape"),
        // Tests coordinate threads and count attempts from inside transactions on purpose, to force and observe conflicts:
        // every one of these is an effect that is not rolled back, which is what the test measures.
        ("*", "STM0013", "'Interlocked.", "tests count attempts/violations inside blocks on purpose (aborted attempts count too)"),
        ("*", "STM0013", "'Volatile.Read'", "tests read their attempt counters inside blocks on purpose"),
        ("*", "STM0013", "'ManualResetEventSlim.Wait'", "tests hold a transaction open at a chosen point to force a conflict"),
        ("*", "STM0010", "'Thread.Sleep'", "tests make a transaction long on purpose (starvation tests)"),
        ("*", "STM0011", "-> Thread.Sleep", "a test helper that sleeps inside a transaction to force a conflict"),
        ("WorkerThreadTests.cs", "STM0013", "'Barrier.SignalAndWait'", "the worker-thread tests make a loop's two items wait for each other, so that both of its threads run one"),
        ("DeepNestingTests.cs", "STM0011", "-> Thread.Start", "the deep-conflict test commits a write on another thread in the middle of its first attempt, to make it conflict 10,000 levels deep"),
        ("StarvationTests.cs", "STM0014", "an element of array 'attempts'", "the starvation test counts a long transaction's attempts (aborted ones too) in a plain array on purpose"),
        ("Notifier.cs", "STM0002", "'Notifier.Changed' is a mutable field-like event", "the record-event tests check that generated record members copy and compare an event's field, as the compiler's do"),
    ];

    /// <summary>Information (STM0004: immutable member) is expected on correct code; warnings and errors only where listed above.</summary>
    private static void AssertOnlyInformation(ImmutableArray<Diagnostic> diagnostics)
    {
        Diagnostic[] problems = diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).ToArray();
        Diagnostic[] unexpected = problems.Where(d => !TruePositives.Any(t => Matches(d, t))).ToArray();
        Assert.True(unexpected.Length == 0, "Unexpected reports on valid code:\n" + SourceSetAnalysis.Describe(unexpected));
    }

    [Fact]
    public async Task Listed_true_positives_are_still_reported()
    {
        var all = new List<Diagnostic>();
        foreach (object[] generatorCase in GeneratorInputs())
        {
            all.AddRange(await GeneratorInput((string)generatorCase[0]));
        }

        all.AddRange(await RuntimeTests());
        all.AddRange(await GeneratedTests());
        foreach ((string File, string Id, string Fragment, string Why) expected in TruePositives)
        {
            Assert.True(all.Any(d => Matches(d, expected)), "no longer reported: " + expected);
        }
    }

    private static bool Matches(Diagnostic diagnostic, (string File, string Id, string Fragment, string Why) expected) =>
        diagnostic.Id == expected.Id
        && (expected.File == "*" || Path.GetFileName(diagnostic.Location.SourceTree?.FilePath) == expected.File)
        && diagnostic.GetMessage().Contains(expected.Fragment, StringComparison.Ordinal);

    private static IEnumerable<MetadataReference> Xunit() =>
    [
        MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ITestOutputHelper).Assembly.Location),
    ];
}
