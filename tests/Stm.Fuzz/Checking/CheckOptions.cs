using System;

namespace Stm.Fuzz.Checking;

/// <summary>Which checks <see cref="CaseChecker"/> runs on a case. The fuzz loop varies them per case to spend time well.</summary>
internal sealed record CheckOptions
{
    /// <summary>Run the generator twice more (fresh, and incrementally after an unrelated edit) and compare.</summary>
    public bool Determinism { get; init; } = true;

    /// <summary>Run the analyzers over the output compilation (the input plus the generated files), as a build does.</summary>
    public bool Analyzers { get; init; } = true;

    /// <summary>Also run them over the input alone, as an IDE may before the generator has run.</summary>
    public bool AnalyzeInputWithoutGenerator { get; init; }

    /// <summary>Which diagnostics the code fixes are tried on.</summary>
    public FixCoverage Fixes { get; init; } = FixCoverage.All;

    /// <summary>Picks the diagnostics under <see cref="FixCoverage.Sample"/>.</summary>
    public Random Random { get; init; } = new(0);

    /// <summary>Every check, every diagnostic fixed: <c>run</c> uses it, and it is deterministic.</summary>
    public static CheckOptions Everything { get; } = new() { AnalyzeInputWithoutGenerator = true };

    /// <summary>The generator and the compiler only: enough for a finding of a generator-only kind, and much faster.</summary>
    public static CheckOptions GeneratorOnly { get; } = new() { Determinism = false, Analyzers = false, Fixes = FixCoverage.None };
}

/// <summary>How many of a case's fixable diagnostics the code fixes are applied to.</summary>
internal enum FixCoverage
{
    None,

    /// <summary>Up to <see cref="CodeFixCheck.SampleSize"/> diagnostics per fixer, chosen at random, plus FixAll: the fuzz loop.</summary>
    Sample,

    /// <summary>Every diagnostic, plus FixAll.</summary>
    All,
}
