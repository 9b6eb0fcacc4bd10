using System;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Checking;

/// <summary>
/// Checks one case: the generator (no exception, no diagnostic, the same output fresh and incrementally), the
/// compiled output (nothing wrong in or because of the generated code), the analyzers (no exception) and the code
/// fixes (no exception, compiling code stays compiling). Never throws: a failure of the checks themselves is a
/// <see cref="FindingKind.HarnessError"/> finding.
/// </summary>
internal static class CaseChecker
{
    public static CheckResult Check(FuzzCase fuzzCase, CheckOptions options)
    {
        var result = new CheckResult();
        try
        {
            CSharpCompilation input = Toolchain.CreateCompilation(fuzzCase);
            if (GeneratorCheck.Run(fuzzCase, input, result) is not { } run)
            {
                return result;
            }

            if (options.Determinism)
            {
                DeterminismCheck.Run(fuzzCase, input, run, result);
            }

            OutputCheck.Run(input, run, result);
            if (!options.Analyzers)
            {
                return result;
            }

            result.AnalyzerDiagnostics.AddRange(AnalyzerCheck.Run(run.Output, "on output", result));
            if (options.AnalyzeInputWithoutGenerator)
            {
                _ = AnalyzerCheck.Run(input, "on input", result); // only its crashes matter: fixes work on the output
            }

            if (options.Fixes != FixCoverage.None)
            {
                CodeFixCheck.Run(fuzzCase, run, result, options);
            }
        }
        catch (Exception ex)
        {
            result.Add(Finding.Create(FindingKind.HarnessError, Signatures.Exception(ex), ex.ToString()));
        }

        return result;
    }
}
