using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Stm.Fuzz.Checking;

/// <summary>One run of the generator over a case: its result and the output compilation (the input plus the generated files).</summary>
internal sealed class GeneratorRun
{
    private readonly HashSet<SyntaxTree> _generatedTrees;

    public GeneratorRun(GeneratorDriver driver, Compilation output, GeneratorRunResult result)
    {
        Driver = driver;
        Output = output;
        Result = result;
        _generatedTrees = result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
    }

    /// <summary>The driver after the run: running it again over an edited compilation is an incremental run.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation Output { get; }

    public GeneratorRunResult Result { get; }

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    public bool IsGenerated(SyntaxTree? tree) => tree is not null && _generatedTrees.Contains(tree);

    /// <summary>The generated files one after the other, each headed by its hint name: the end of most finding logs.</summary>
    public string Describe() => Describe(Sources);

    public static string Describe(IEnumerable<GeneratedSourceResult> sources) =>
        string.Join("\n", sources.Select(s => "//---- " + s.HintName + "\n" + s.SourceText));
}
