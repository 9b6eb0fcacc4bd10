using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Stm.Fuzz.Checking;

/// <summary>Everything one check of one case learned: the findings, and figures for the progress line and for <c>run</c>.</summary>
internal sealed class CheckResult
{
    public List<Finding> Findings { get; } = [];

    /// <summary>How many files the generator produced.</summary>
    public int GeneratedFiles { get; set; }

    /// <summary>The generated files, each under its hint name, for logs.</summary>
    public string GeneratedText { get; set; } = string.Empty;

    /// <summary>
    /// Whether the input has no errors of its own: every error of the output compilation is in a generated file,
    /// was caused by one, or is CS9248 (a partial property the generator left unimplemented, which its analyzer explains).
    /// </summary>
    public bool InputCompiles { get; set; }

    /// <summary>Errors of the output compilation (input plus generated files).</summary>
    public List<Diagnostic> OutputErrors { get; } = [];

    /// <summary>What the analyzers reported on the output compilation.</summary>
    public List<Diagnostic> AnalyzerDiagnostics { get; } = [];

    /// <summary>How many code actions were applied and checked.</summary>
    public int FixesApplied { get; set; }

    public void Add(Finding finding) => Findings.Add(finding);
}
