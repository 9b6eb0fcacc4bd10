using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Fuzz.Cases;
using Stm.Fuzz.Checking;
using Stm.Fuzz.Mutation;

namespace Stm.Fuzz.Minimizing;

/// <summary>
/// Shrinks a case while it keeps producing one exact signature: drops whole files, then removes chunks of lines and
/// then of tokens (delta debugging: halve the chunk when no chunk can go), then puts the settings back to the
/// defaults where that changes nothing. Holding the whole signature, including <c>[clean]</c>, keeps the shrinking
/// from sliding to another bug or to input that no longer compiles.
/// </summary>
internal sealed class Minimizer
{
    private readonly string _signature;
    private readonly CheckOptions _options;

    public Minimizer(string signature)
    {
        _signature = signature;
        FindingKind kind = FindingKinds.FromSignature(signature) ?? throw new FormatException($"not a finding signature: '{signature}'");
        _options = OptionsFor(kind, signature);
    }

    /// <summary>How many times the case was checked.</summary>
    public int Checks { get; private set; }

    public bool Reproduces(FuzzCase fuzzCase)
    {
        Checks++;
        return CaseChecker.Check(fuzzCase, _options).Findings.Any(f => f.Signature == _signature);
    }

    /// <summary>The smallest case found; call <see cref="Reproduces"/> on the input first.</summary>
    public FuzzCase Minimize(FuzzCase fuzzCase, Action<string> progress)
    {
        for (int i = fuzzCase.Files.Count - 1; i >= 0 && fuzzCase.Files.Count > 1; i--)
        {
            if (fuzzCase.WithoutFile(i) is var smaller && Reproduces(smaller))
            {
                fuzzCase = smaller;
            }
        }

        progress($"files: {fuzzCase.Files.Count}, {fuzzCase.Size} chars");
        for (int i = 0; i < fuzzCase.Files.Count; i++)
        {
            fuzzCase = Shrink(fuzzCase, i, Lines.WithTerminators(fuzzCase.Files[i].Text).ToList());
            progress($"{fuzzCase.Files[i].Path} by lines: {fuzzCase.Size} chars");
            fuzzCase = Shrink(fuzzCase, i, Tokenizer.Split(fuzzCase.Files[i].Text).Select(t => t.ToString()).ToList());
            progress($"{fuzzCase.Files[i].Path} by tokens: {fuzzCase.Size} chars");
        }

        FuzzCase[] defaults =
        [
            fuzzCase with { LanguageVersion = LanguageVersion.Preview },
            fuzzCase with { Nullable = NullableContextOptions.Enable },
            fuzzCase with { OutputKind = OutputKind.DynamicallyLinkedLibrary },
            fuzzCase with { RuntimeAlias = null },
        ];
        foreach (FuzzCase candidate in defaults)
        {
            FuzzCase simpler = candidate with { Files = fuzzCase.Files };
            if (!simpler.SameAs(fuzzCase) && Reproduces(simpler))
            {
                fuzzCase = simpler;
            }
        }

        return fuzzCase;
    }

    /// <summary>Only the checks that can produce the signature: a generator finding is minimized in milliseconds per step, not seconds.</summary>
    private static CheckOptions OptionsFor(FindingKind kind, string signature) => kind switch
    {
        _ when kind.IsGeneratorOnly() => CheckOptions.GeneratorOnly,
        FindingKind.Nondeterministic or FindingKind.IncrementalMismatch => CheckOptions.GeneratorOnly with { Determinism = true },
        FindingKind.AnalyzerCrash => CheckOptions.GeneratorOnly with
        {
            Analyzers = true,
            AnalyzeInputWithoutGenerator = signature.Contains(" on input ", StringComparison.Ordinal),
        },
        FindingKind.ProcessCrash or FindingKind.Hang => throw new FormatException(
            "a process crash or a hang cannot be minimized in this process (it would crash or hang too); cut the case down by hand and check each step with `run`"),
        _ => CheckOptions.Everything, // code fixes (every diagnostic, so the result does not depend on a random pick), harness errors
    };

    /// <summary>Removes chunks of <paramref name="units"/> from file <paramref name="index"/> while the signature stays.</summary>
    private FuzzCase Shrink(FuzzCase fuzzCase, int index, List<string> units)
    {
        int chunk = Math.Max(1, units.Count / 2);
        while (chunk >= 1)
        {
            bool removed = false;
            for (int start = 0; start < units.Count;)
            {
                List<string> candidate = [.. units.Take(start), .. units.Skip(start + chunk)];
                FuzzCase smaller = fuzzCase.WithFileText(index, string.Concat(candidate));
                if (candidate.Count < units.Count && Reproduces(smaller))
                {
                    units = candidate;
                    fuzzCase = smaller;
                    removed = true;
                }
                else
                {
                    start += chunk;
                }
            }

            if (!removed)
            {
                chunk /= 2;
            }
        }

        return fuzzCase;
    }
}
