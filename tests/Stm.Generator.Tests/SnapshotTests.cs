using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>
/// One case per directory under <c>Snapshots/</c>: the <c>input*.cs</c> files are compiled with the generator,
/// the other <c>*.cs</c> files are the expected generated files (see <see cref="Snapshot"/>).
/// </summary>
public class SnapshotTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string directory in Directory.EnumerateDirectories(SnapshotRoot()).Order(System.StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_the_snapshot_and_compiles_cleanly(string caseName)
    {
        string directory = Path.Combine(SnapshotRoot(), caseName);
        var inputs = Directory.EnumerateFiles(directory, "input*.cs")
            .Order(System.StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();
        Assert.NotEmpty(inputs);

        GeneratorOutcome outcome = GeneratorHarness.Run(inputs);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Result.Diagnostics);
        Assert.NotEmpty(outcome.Sources);
        Assert.True(outcome.OutputProblems.Count == 0, outcome.Describe(outcome.OutputProblems));

        var actual = outcome.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Snapshot.Verify(directory, actual, name => name.EndsWith(".g.cs", System.StringComparison.Ordinal));
    }

    private static string SnapshotRoot() => TestPaths.Snapshots;
}
