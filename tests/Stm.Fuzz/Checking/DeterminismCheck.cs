using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Checking;

/// <summary>
/// The generator's output depends on its input only: a second fresh run generates the same text, and a run that
/// reuses the first run's cached state after an unrelated edit generates what a fresh run over the edited input
/// does. A model holding a symbol or comparing by reference passes every ordinary test and fails the second check.
/// </summary>
internal static class DeterminismCheck
{
    /// <summary>An edit no generator output may depend on.</summary>
    private const string UnrelatedFile = "// unrelated\nnamespace __Unrelated { internal static class Touch { } }\n";

    public static void Run(FuzzCase fuzzCase, CSharpCompilation input, GeneratorRun first, CheckResult result)
    {
        if (first.Result.Exception is not null)
        {
            return; // already a finding; the outputs of a crashed run are not worth comparing
        }

        try
        {
            GeneratorRunResult fresh = Toolchain.CreateDriver(fuzzCase).RunGenerators(Toolchain.CreateCompilation(fuzzCase)).GetRunResult().Results.Single();
            if (fresh.Exception is null && Fingerprint(fresh.GeneratedSources) != Fingerprint(first.Sources))
            {
                result.Add(Finding.Create(FindingKind.Nondeterministic, "two fresh runs over the same input generated different text",
                    "first run:\n" + GeneratorRun.Describe(first.Sources) + "\n\nsecond run:\n" + GeneratorRun.Describe(fresh.GeneratedSources)));
            }

            CSharpCompilation edited = input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(UnrelatedFile, Toolchain.ParseOptions(fuzzCase), "Touch.cs"));
            GeneratorRunResult incremental = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();
            GeneratorRunResult reference = Toolchain.CreateDriver(fuzzCase).RunGenerators(edited).GetRunResult().Results.Single();
            if (incremental.Exception is { } exception)
            {
                result.Add(Finding.Create(FindingKind.GeneratorCrash, "incremental run: " + Signatures.Exception(exception), exception.ToString()));
            }
            else if (reference.Exception is null && Fingerprint(incremental.GeneratedSources) != Fingerprint(reference.GeneratedSources))
            {
                result.Add(Finding.Create(FindingKind.IncrementalMismatch, "an incremental run after an unrelated edit generated something else than a fresh run",
                    "incremental run:\n" + GeneratorRun.Describe(incremental.GeneratedSources) + "\n\nfresh run:\n" + GeneratorRun.Describe(reference.GeneratedSources)));
            }
        }
        catch (Exception ex)
        {
            result.Add(Finding.Create(FindingKind.GeneratorCrash, "a determinism re-run threw " + Signatures.Exception(ex), ex.ToString()));
        }
    }

    private static string Fingerprint(IEnumerable<GeneratedSourceResult> sources) =>
        string.Join("\u0001", sources.Select(s => s.HintName + "\u0002" + s.SourceText));
}
