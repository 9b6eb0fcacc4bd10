using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Fuzz.Cases;
using Stm.Fuzz.Checking;
using Stm.Fuzz.Mutation;
using Stm.Fuzz.Seeding;

namespace Stm.Fuzz.Fuzzing;

/// <summary>
/// The fuzz loop, in one process: draw a seed, vary its settings, mutate one of its files, check it, record what is
/// new. Writes each case to <see cref="RepositoryLayout.CurrentCase"/> before checking it, so that the
/// <see cref="Supervisor"/> can tell which case killed or hung the process.
/// </summary>
internal sealed class FuzzWorker
{
    /// <summary>The last line of a worker's output, which the supervisor reads: <c>result: cases=N seconds=S new=K</c>.</summary>
    public const string ResultPrefix = "result: ";

    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMinutes(1);

    private readonly RepositoryLayout _layout;
    private readonly Random _random;
    private readonly SeedSet _seeds;
    private readonly Baseline _baseline;
    private readonly FindingStore _store;
    private readonly Mutator _mutator;
    private int _cases, _generated, _compiling, _withFindings, _baselineHits, _new;
    private long _fixes;

    private FuzzWorker(RepositoryLayout layout, int seed)
    {
        _layout = layout;
        _random = new Random(seed);
        _seeds = SeedSet.Load(layout);
        _baseline = Baseline.Load(layout.BaselineFile);
        _store = new FindingStore(layout);
        _mutator = new Mutator(_random, _seeds.Donors);
    }

    /// <summary>Fuzzes for <paramref name="seconds"/>; returns how many new findings it recorded.</summary>
    public static int Run(RepositoryLayout layout, double seconds, int seed)
    {
        var worker = new FuzzWorker(layout, seed);
        Log(layout, $"worker: seed {seed}, {seconds:F0} s, {worker._seeds.All.Count} seeds, baseline {worker._baseline.Count} signatures, {worker._store.Count} findings known");
        return worker.Loop(TimeSpan.FromSeconds(seconds));
    }

    private int Loop(TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan nextProgress = s_progressInterval;
        while (clock.Elapsed < budget)
        {
            FuzzOne();
            if (clock.Elapsed >= nextProgress)
            {
                nextProgress += s_progressInterval;
                Log(_layout, Progress(clock.Elapsed));
            }
        }

        Log(_layout, Progress(clock.Elapsed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}cases={_cases} seconds={clock.Elapsed.TotalSeconds:F0} new={_new}"));
        return _new;
    }

    private void FuzzOne()
    {
        SeedCase seed = _seeds.Pick(_random);
        FuzzCase fuzzCase = VarySettings(seed.Case);

        // Now and then the seed unmodified: the settings alone can make the difference.
        string edits = "none";
        if (_random.Next(100) >= 5)
        {
            int index = _random.Next(fuzzCase.Files.Count);
            (string text, edits) = _mutator.Mutate(fuzzCase.Files[index].Text);
            fuzzCase = fuzzCase.WithFileText(index, text);
        }

        string caseText = CaseFormat.Write(fuzzCase, "edits: " + edits);
        File.WriteAllText(_layout.CurrentCase, caseText);

        // Every case gets the generator, determinism and analyzer checks; the costlier ones are spread over cases.
        var options = new CheckOptions
        {
            AnalyzeInputWithoutGenerator = _random.Next(100) < 20,
            Fixes = _random.Next(100) < 50 ? FixCoverage.Sample : FixCoverage.None,
            Random = _random,
        };
        CheckResult result = CaseChecker.Check(fuzzCase, options);

        _cases++;
        _generated += result.GeneratedFiles > 0 ? 1 : 0;
        _compiling += result.InputCompiles ? 1 : 0;
        _fixes += result.FixesApplied;
        _withFindings += result.Findings.Count > 0 ? 1 : 0;
        foreach (Finding finding in result.Findings)
        {
            if (_baseline.Contains(finding.Signature))
            {
                _baselineHits++;
            }
            else if (_store.Record(finding, caseText) is { } folder)
            {
                _new++;
                Log(_layout, $"NEW FINDING {Path.GetFileName(folder)}: {finding.Signature}");
            }
        }
    }

    /// <summary>Mostly the settings the seed has; sometimes an older C#, another nullable context, a console application.</summary>
    private FuzzCase VarySettings(FuzzCase seed) => seed with
    {
        LanguageVersion = _random.Next(100) switch { < 85 => LanguageVersion.Preview, < 95 => LanguageVersion.CSharp13, _ => LanguageVersion.CSharp12 },
        Nullable = _random.Next(100) switch
        {
            < 80 => NullableContextOptions.Enable,
            < 90 => NullableContextOptions.Disable,
            < 95 => NullableContextOptions.Annotations,
            _ => NullableContextOptions.Warnings,
        },
        OutputKind = seed.OutputKind == OutputKind.ConsoleApplication || _random.Next(100) < 6 ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
    };

    private string Progress(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"cases {_cases} ({_cases / Math.Max(elapsed.TotalMinutes, 1e-9):F0}/min), generated {_generated}, input compiles {_compiling}, fixes applied {_fixes}, " +
        $"with findings {_withFindings}, baseline hits {_baselineHits}, new findings {_new}, known {_store.Count}");

    private static void Log(RepositoryLayout layout, string message)
    {
        string line = $"{DateTime.Now:HH:mm:ss} {message}";
        Console.WriteLine(line);
        File.AppendAllText(layout.FuzzLog, line + "\n");
    }
}
