using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stm.Fuzz.Cases;

/// <summary>
/// One input the fuzzer checks: source files and the settings they are compiled with. The settings are part of the
/// case because several bugs showed only under one of them (nullable disabled, C# 12, the entry point of a console
/// application, Stm.Runtime referenced under an extern alias).
/// </summary>
/// <param name="Files">The sources, in compilation order.</param>
/// <param name="LanguageVersion">The C# version the files are parsed with.</param>
/// <param name="Nullable">The project's nullable context.</param>
/// <param name="OutputKind">Library or console application (top-level statements need the latter).</param>
/// <param name="RuntimeAlias">When set, Stm.Runtime is referenced under this extern alias instead of <c>global</c>.</param>
/// <param name="Seed">Where the case came from (a seed name), for the reader of a finding; not used by any check.</param>
internal sealed record FuzzCase(
    IReadOnlyList<CaseFile> Files,
    LanguageVersion LanguageVersion,
    NullableContextOptions Nullable,
    OutputKind OutputKind,
    string? RuntimeAlias = null,
    string? Seed = null)
{
    /// <summary>The settings most cases use: C# preview, nullable enabled, a library.</summary>
    public static FuzzCase Default(IReadOnlyList<CaseFile> files, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? seed = null) =>
        new(files, LanguageVersion.Preview, NullableContextOptions.Enable, outputKind, null, seed);

    /// <summary>Characters of source: what the minimizer shrinks and the finding store keeps the smallest of.</summary>
    public int Size => Files.Sum(f => f.Text.Length);

    public FuzzCase WithFileText(int index, string text) =>
        this with { Files = Files.Select((f, i) => i == index ? f with { Text = text } : f).ToList() };

    public FuzzCase WithoutFile(int index) =>
        this with { Files = Files.Where((_, i) => i != index).ToList() };

    /// <summary>Same files and same settings (records compare lists by reference, so this is spelled out).</summary>
    public bool SameAs(FuzzCase other) =>
        LanguageVersion == other.LanguageVersion && Nullable == other.Nullable && OutputKind == other.OutputKind
        && RuntimeAlias == other.RuntimeAlias && Files.SequenceEqual(other.Files);
}
