using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Stm.Fuzz.Cases;
using Stm.Fuzz.Checking;
using Stm.Fuzz.Seeding;

namespace Stm.Fuzz;

/// <summary>
/// <c>run FILE...</c>: checks cases with every check (every diagnostic fixed, so the result is the same each time) and
/// prints what was found. The way to look at a finding, and to see whether a fix made it go away.
/// </summary>
internal static class RunCommand
{
    /// <summary>Lines of a finding's detail shown without --verbose: the diagnostic and its source line, or the top of a stack.</summary>
    private const int ShortDetailLines = 3;

    public static int Run(RepositoryLayout layout, IReadOnlyList<string> files, bool verbose, bool showGenerated)
    {
        Baseline baseline = Baseline.Load(layout.BaselineFile);
        int withFindings = 0;
        foreach (string file in files)
        {
            FuzzCase fuzzCase = CaseFormat.ReadFile(file);
            var clock = Stopwatch.StartNew();
            CheckResult result = CaseChecker.Check(fuzzCase, CheckOptions.Everything);
            withFindings += result.Findings.Count > 0 ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== {file}: {(result.Findings.Count == 0 ? "CLEAN" : $"{result.Findings.Count} FINDING(S)")}; generated {result.GeneratedFiles} file(s), " +
                $"input {(result.InputCompiles ? "compiles" : "has errors")}, {result.FixesApplied} fix(es) applied, {clock.ElapsedMilliseconds} ms"));
            if (verbose)
            {
                Print("error", result.OutputErrors);
                Print("analyzer", result.AnalyzerDiagnostics);
            }

            foreach (Finding finding in result.Findings)
            {
                Console.WriteLine("   " + finding.Signature + (baseline.Contains(finding.Signature) ? "   (in the baseline)" : string.Empty));
                IEnumerable<string> detail = finding.Detail.Split('\n');
                foreach (string line in verbose ? detail : detail.Take(ShortDetailLines))
                {
                    Console.WriteLine("      | " + line.TrimEnd('\r'));
                }
            }

            if (showGenerated)
            {
                Console.WriteLine(result.GeneratedText);
            }
        }

        if (files.Count > 1)
        {
            Console.WriteLine($"== {files.Count} case(s), {withFindings} with findings");
        }

        return withFindings == 0 ? 0 : 1;
    }

    private static void Print(string what, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
        {
            Console.WriteLine($"   {what}: {diagnostic}");
        }
    }
}
