using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Stm.Fuzz.Cases;
using Stm.Fuzz.Checking;
using Stm.Fuzz.Fuzzing;
using Stm.Fuzz.Seeding;

namespace Stm.Fuzz.Minimizing;

/// <summary>
/// <c>min FILE</c>: minimizes a case for a signature: the one given, else the <c>signature.txt</c> beside the file
/// (a findings folder), else the case's first finding that is not in the baseline. Writes the result next to the
/// input (<c>NAME.min.cs</c>) unless told where.
/// </summary>
internal static class MinimizeCommand
{
    public static int Run(RepositoryLayout layout, string file, string? signature, string? output)
    {
        FuzzCase fuzzCase = CaseFormat.ReadFile(file);
        signature ??= SignatureBeside(file) ?? FirstNewSignature(layout, fuzzCase);
        if (signature is null)
        {
            Console.Error.WriteLine($"{file}: no finding to minimize for (pass --signature)");
            return 1;
        }

        var minimizer = new Minimizer(signature);
        Console.WriteLine($"== minimizing {file} ({fuzzCase.Size} chars) for: {signature}");
        if (!minimizer.Reproduces(fuzzCase))
        {
            Console.Error.WriteLine("the case does not produce that signature (any more?): nothing to minimize");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        FuzzCase minimized = minimizer.Minimize(fuzzCase, message => Console.WriteLine("   " + message));
        output ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".min.cs");
        string text = CaseFormat.Write(minimized with { Seed = null }, $"minimized from {Path.GetFileName(file)} ({fuzzCase.Size} -> {minimized.Size} chars) for:\n{signature}");
        File.WriteAllText(output, text);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {minimized.Size} chars after {minimizer.Checks} checks in {clock.Elapsed.TotalSeconds:F0} s -> {output}"));
        Console.WriteLine(text);
        return 0;
    }

    private static string? SignatureBeside(string file)
    {
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, FindingStore.SignatureFile);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static string? FirstNewSignature(RepositoryLayout layout, FuzzCase fuzzCase)
    {
        Baseline baseline = Baseline.Load(layout.BaselineFile);
        return CaseChecker.Check(fuzzCase, CheckOptions.Everything).Findings.Select(f => f.Signature).FirstOrDefault(s => !baseline.Contains(s));
    }
}
