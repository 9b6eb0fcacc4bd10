using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Fuzz.Cases;

namespace Stm.Fuzz.Checking;

/// <summary>Runs the generator over a case as the compiler does: it must not throw and must not report diagnostics.</summary>
internal static class GeneratorCheck
{
    /// <summary>Reported by the compiler when a generator throws: the same event as the exception, so not a finding of its own.</summary>
    private const string GeneratorFailed = "CS8785";

    /// <summary>The run, or null if the driver itself threw (then there is nothing further to check).</summary>
    public static GeneratorRun? Run(FuzzCase fuzzCase, CSharpCompilation input, CheckResult result)
    {
        GeneratorDriver driver = Toolchain.CreateDriver(fuzzCase);
        Compilation output;
        ImmutableArray<Diagnostic> driverDiagnostics;
        try
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(input, out output, out driverDiagnostics);
        }
        catch (Exception ex)
        {
            result.Add(Finding.Create(FindingKind.GeneratorCrash, "the driver threw " + Signatures.Exception(ex), ex.ToString()));
            return null;
        }

        var run = new GeneratorRun(driver, output, driver.GetRunResult().Results.Single());
        result.GeneratedFiles = run.Sources.Length;
        result.GeneratedText = run.Describe();
        if (run.Result.Exception is { } exception)
        {
            result.Add(Finding.Create(FindingKind.GeneratorCrash, Signatures.Exception(exception), exception.ToString()));
        }

        foreach (Diagnostic diagnostic in driverDiagnostics.Concat(run.Result.Diagnostics).Distinct())
        {
            if (diagnostic.Id == GeneratorFailed && run.Result.Exception is not null)
            {
                continue;
            }

            result.Add(Finding.Create(FindingKind.GeneratorDiagnostic, diagnostic.Id + " " + Signatures.Message(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), diagnostic.ToString()));
        }

        return run;
    }
}
