using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Stm.Fuzz.Cases;
using Stm.Fuzz.Checking;

namespace Stm.Fuzz.Seeding;

/// <summary>
/// <c>seeds</c>: extracts the seeds into the work directory, checks every one of them unmodified with every check,
/// and writes the <see cref="Baseline"/>. Run again after the generator, the analyzers or the seed sources change.
/// </summary>
internal static class SeedsCommand
{
    /// <summary>Runs <c>seeds</c> if the work directory has no seeds or no baseline yet (a first <c>fuzz</c>).</summary>
    public static void EnsureBaseline(RepositoryLayout layout)
    {
        if (!SeedSet.Exists(layout) || !File.Exists(layout.BaselineFile))
        {
            Console.WriteLine("== no seeds or baseline in the work directory yet: running `seeds` first");
            Run(layout);
        }
    }

    public static int Run(RepositoryLayout layout)
    {
        List<SeedCase> seeds = SeedExtractor.Extract(layout);
        if (Directory.Exists(layout.Seeds))
        {
            Directory.Delete(layout.Seeds, recursive: true); // seeds deleted or renamed in the repository must not linger
        }

        foreach (SeedCase seed in seeds)
        {
            string path = Path.Combine(layout.Seeds, seed.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, CaseFormat.Write(seed.Case));
        }

        Console.WriteLine($"== {seeds.Count} seeds written to {layout.Seeds}: " +
            string.Join(", ", seeds.GroupBy(s => s.Group).Select(g => $"{g.Key} {g.Count()}")));

        var report = new StringBuilder();
        var seedsBySignature = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        int withFindings = 0, compiling = 0;
        foreach (SeedCase seed in seeds)
        {
            var caseClock = Stopwatch.StartNew();
            CheckResult result = CaseChecker.Check(seed.Case, CheckOptions.Everything);
            compiling += result.InputCompiles ? 1 : 0;
            List<string> signatures = result.Findings.Select(f => f.Signature).Distinct(StringComparer.Ordinal).ToList();
            string line = string.Create(CultureInfo.InvariantCulture,
                $"{seed.Name}: generated {result.GeneratedFiles}, input {(result.InputCompiles ? "compiles" : "has errors")}, fixes {result.FixesApplied}, findings {signatures.Count}, {caseClock.ElapsedMilliseconds} ms");
            report.Append(line).Append('\n');
            if (signatures.Count > 0)
            {
                withFindings++;
                Console.WriteLine(line);
            }

            foreach (string signature in signatures)
            {
                report.Append("    ").Append(signature).Append('\n');
                Console.WriteLine("    " + signature);
                if (!seedsBySignature.TryGetValue(signature, out List<string>? names))
                {
                    seedsBySignature[signature] = names = [];
                }

                names.Add(seed.Name);
            }
        }

        Directory.CreateDirectory(layout.Work);
        Baseline.Write(layout.BaselineFile, seedsBySignature);
        string reportPath = Path.Combine(layout.Work, "seeds-report.txt");
        File.WriteAllText(reportPath, report.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== baseline: {seeds.Count} seeds checked in {clock.Elapsed.TotalSeconds:F0} s ({compiling} compile), {withFindings} with findings, " +
            $"{seedsBySignature.Count} distinct signatures -> {layout.BaselineFile} (every seed: {reportPath})"));
        return 0;
    }
}
