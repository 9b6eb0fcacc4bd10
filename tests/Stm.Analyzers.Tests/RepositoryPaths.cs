using System;
using System.IO;

namespace Stm.Analyzers.Tests;

/// <summary>Finds files of the repository from the test's output directory (the directory holding Stm.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Stm.sln not found above " + AppContext.BaseDirectory);
    }
}
