using System;
using System.IO;

namespace Stm.Generator.Tests;

/// <summary>
/// Finds this project's source directory from the test binaries (bin/&lt;config&gt;/&lt;tfm&gt;/). Not
/// <c>[CallerFilePath]</c>: CI builds map source paths to <c>/_/</c> (ContinuousIntegrationBuild).
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> s_projectDirectory = new(() =>
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stm.Generator.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Stm.Generator.Tests.csproj not found above " + AppContext.BaseDirectory);
    });

    public static string Snapshots => Path.Combine(s_projectDirectory.Value, "Snapshots");

    public static string Corpus => Path.Combine(s_projectDirectory.Value, "Corpus");
}
