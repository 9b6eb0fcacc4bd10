using System;
using System.IO;

namespace Stm.Fuzz;

/// <summary>
/// Where things are: the repository the seeds come from (the directory holding Stm.sln, found above this program
/// unless <c>--repo</c> says otherwise) and the work directory the fuzzer writes to (<c>--work</c>, by default
/// <c>artifacts/fuzz</c> in the repository, which .gitignore ignores).
/// </summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root, string work)
    {
        Root = root;
        Work = work;
    }

    public string Root { get; }

    public string Work { get; }

    public string GeneratorCorpus => Path.Combine(Root, "tests", "Stm.Generator.Tests", "Corpus");

    public string GeneratorSnapshots => Path.Combine(Root, "tests", "Stm.Generator.Tests", "Snapshots");

    public string AnalyzerTests => Path.Combine(Root, "tests", "Stm.Analyzers.Tests");

    public string Samples => Path.Combine(Root, "samples");

    /// <summary>Seeds written by hand for this fuzzer (checked in beside it).</summary>
    public string HandSeeds => Path.Combine(Root, "tests", "Stm.Fuzz", "HandSeeds");

    /// <summary>The extracted seeds, one folder per source (what <c>seeds</c> writes and <c>fuzz</c> reads).</summary>
    public string Seeds => Path.Combine(Work, "seeds");

    /// <summary>The signatures the unmodified seeds produce: not findings (see <see cref="Seeding.Baseline"/>).</summary>
    public string BaselineFile => Path.Combine(Work, "baseline.txt");

    public string Findings => Path.Combine(Work, "findings");

    /// <summary>One line per new finding, with the time and the folder: what a long run turned up, in order.</summary>
    public string FindingsLog => Path.Combine(Work, "findings.txt");

    /// <summary>The case being checked right now: what a crashed or hung worker was doing.</summary>
    public string CurrentCase => Path.Combine(Work, "current.cs");

    /// <summary>Progress lines of every fuzz run.</summary>
    public string FuzzLog => Path.Combine(Work, "fuzz-log.txt");

    public static RepositoryLayout Create(string? root, string? work)
    {
        string repository = root is not null ? Path.GetFullPath(root) : FindRoot();
        if (!File.Exists(Path.Combine(repository, "Stm.sln")))
        {
            throw new FormatException($"'{repository}' is not the Stm repository (no Stm.sln there)");
        }

        return new RepositoryLayout(repository, Path.GetFullPath(work ?? Path.Combine(repository, "artifacts", "fuzz")));
    }

    /// <summary>The first directory holding Stm.sln above this program (bin/Release/net10.0/), else above the current directory.</summary>
    private static string FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Stm.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new FormatException("Stm.sln not found above " + AppContext.BaseDirectory + " nor the current directory; pass --repo DIR");
    }
}
