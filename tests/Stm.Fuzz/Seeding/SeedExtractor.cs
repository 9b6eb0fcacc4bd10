using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Seeding;

/// <summary>
/// Collects the seeds from the repository: whatever its tests already feed the generator and the analyzers is
/// valid-ish Stm code that reaches deep, and mutating it reaches further. Groups: <c>corpus</c> (the generator's
/// malformed-input corpus, one case per file), <c>snapshots</c> (the generator's snapshot inputs, one case per
/// folder), <c>analyzer-tests</c> (the C# raw string literals of the analyzer and code-fix tests, markup removed),
/// <c>samples</c> (one case per sample program) and <c>hand</c> (tests/Stm.Fuzz/HandSeeds, written for this fuzzer).
/// </summary>
internal static class SeedExtractor
{
    public const string HandGroup = "hand";

    public static List<SeedCase> Extract(RepositoryLayout layout)
    {
        var seeds = new List<SeedCase>();
        seeds.AddRange(Corpus(layout.GeneratorCorpus));
        seeds.AddRange(Snapshots(layout.GeneratorSnapshots));
        seeds.AddRange(AnalyzerTests(layout.AnalyzerTests));
        seeds.AddRange(Samples(layout.Samples));
        seeds.AddRange(Hand(layout.HandSeeds));
        return seeds;
    }

    private static IEnumerable<SeedCase> Corpus(string directory) =>
        SourceFiles(directory, SearchOption.TopDirectoryOnly).Select(file =>
            new SeedCase("corpus/" + Path.GetFileName(file), Single(Path.GetFileName(file), File.ReadAllText(file), "corpus/" + Path.GetFileName(file))));

    private static IEnumerable<SeedCase> Snapshots(string directory)
    {
        foreach (string folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            string name = "snapshots/" + Path.GetFileName(folder) + ".cs";
            List<CaseFile> files = Directory.EnumerateFiles(folder, "input*.cs").Order(StringComparer.Ordinal)
                .Select(f => new CaseFile(Path.GetFileName(f), File.ReadAllText(f)))
                .ToList();
            if (files.Count > 0)
            {
                yield return new SeedCase(name, FuzzCase.Default(files, seed: name));
            }
        }
    }

    /// <summary>
    /// The tests hold their sources in raw string literals (<c>"""</c>), with expected spans marked <c>[|...|]</c>.
    /// Read through Roslyn, so the literal's value comes out already de-indented; interpolated ones are skipped
    /// (their holes are not C#), and so are literals that do not mention Stm (messages, .editorconfig texts).
    /// </summary>
    private static IEnumerable<SeedCase> AnalyzerTests(string directory)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in SourceFiles(directory, SearchOption.AllDirectories))
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            int index = 0;
            foreach (SyntaxToken literal in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)))
            {
                string source = literal.ValueText.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);
                if (!(source.Contains("Stm", StringComparison.Ordinal) || source.Contains("Atomic", StringComparison.Ordinal)) || !seen.Add(source))
                {
                    continue;
                }

                string name = $"analyzer-tests/{Path.GetFileNameWithoutExtension(file)}_{index++}.cs";
                yield return new SeedCase(name, Single("Test0.cs", source + "\n", name));
            }
        }
    }

    private static IEnumerable<SeedCase> Samples(string directory)
    {
        foreach (string folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            List<CaseFile> files = SourceFiles(folder, SearchOption.AllDirectories)
                .Select(f => new CaseFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
                .ToList();
            if (files.Count > 0)
            {
                string name = "samples/" + Path.GetFileName(folder) + ".cs";
                yield return new SeedCase(name, FuzzCase.Default(files, OutputKind.ConsoleApplication, name));
            }
        }
    }

    private static IEnumerable<SeedCase> Hand(string directory) =>
        SourceFiles(directory, SearchOption.TopDirectoryOnly).Select(file =>
        {
            string name = HandGroup + "/" + Path.GetFileName(file);
            return new SeedCase(name, CaseFormat.ReadFile(file) with { Seed = name });
        });

    /// <summary>A one-file case; top-level statements make it a console application (a library cannot have them, CS8805).</summary>
    private static FuzzCase Single(string path, string source, string name)
    {
        bool topLevel = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        return FuzzCase.Default([new CaseFile(path, source)], topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, name);
    }

    /// <summary>C# files, without build output, in a stable order.</summary>
    private static IEnumerable<string> SourceFiles(string directory, SearchOption option) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.cs", option)
                .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .Order(StringComparer.Ordinal)
            : [];
}
