using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>
/// Compares generated files with expected files checked in beside the tests, line by line. With
/// <c>STM_ACCEPT=1</c> (and not on CI) it rewrites them instead, and deletes expected files nothing produces any more.
/// </summary>
internal static class Snapshot
{
    public static bool Accepting =>
        Environment.GetEnvironmentVariable("STM_ACCEPT") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="directory">The case's directory.</param>
    /// <param name="actual">Generated hint name -> text.</param>
    /// <param name="isExpectedFile">Which files of the directory are expected outputs (the others are inputs).</param>
    public static void Verify(string directory, IReadOnlyDictionary<string, string> actual, Func<string, bool> isExpectedFile)
    {
        var expectedFiles = Directory.EnumerateFiles(directory).Where(f => isExpectedFile(Path.GetFileName(f))).ToList();
        if (Accepting)
        {
            foreach (string stale in expectedFiles.Where(f => !actual.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach ((string name, string text) in actual)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            return;
        }

        var expectedNames = expectedFiles.Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedNames, actual.Keys.Order(StringComparer.Ordinal).ToList());
        foreach ((string name, string text) in actual)
        {
            CompareLines(Path.Combine(directory, name), File.ReadAllText(Path.Combine(directory, name)), text);
        }
    }

    private static void CompareLines(string path, string expected, string actual)
    {
        string[] expectedLines = expected.ReplaceLineEndings("\n").Split('\n');
        string[] actualLines = actual.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? e = i < expectedLines.Length ? expectedLines[i] : null;
            string? a = i < actualLines.Length ? actualLines[i] : null;
            if (e != a)
            {
                Assert.Fail($"{path}: line {i + 1} differs (run with STM_ACCEPT=1 to accept the new output)\nexpected: {e ?? "<end of file>"}\nactual:   {a ?? "<end of file>"}\n\nactual file:\n{actual}");
            }
        }
    }
}
