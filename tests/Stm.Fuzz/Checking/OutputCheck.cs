using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stm.Fuzz.Checking;

/// <summary>
/// Compiles the output (the input plus the generated files) and blames the generator for what is its fault: any
/// error or warning inside a generated file, and any error or warning in the user's code that the input alone did
/// not have. Whatever else is wrong with the input is the user's own, and for a fuzzer's mutant that is most cases.
/// </summary>
internal static class OutputCheck
{
    /// <summary>A partial property left unimplemented: the generator skips what it cannot implement and an analyzer says why.</summary>
    private const string PartialPropertyWithoutImplementation = "CS9248";

    /// <summary>
    /// A public member without a documentation comment: in the user's files, the input's own gap. An unimplemented partial
    /// property gets CS9248 instead, so the compiler reports the missing comment only once the generator implements it
    /// (which leaves the user's comment, or its absence, in charge, as for any member).
    /// </summary>
    private const string MissingDocumentation = "CS1591";

    public static void Run(CSharpCompilation input, GeneratorRun run, CheckResult result)
    {
        ImmutableArray<Diagnostic> output = run.Output.GetDiagnostics();
        result.OutputErrors.AddRange(output.Where(IsError));
        var inGeneratedFiles = output.Where(d => run.IsGenerated(d.Location.SourceTree)).ToList();
        var inUserFiles = output.Where(d => !run.IsGenerated(d.Location.SourceTree)).ToList();

        // Diagnostics are matched by id and position: the user's files are the same trees in input and output.
        var caused = new List<Diagnostic>();
        if (run.Sources.Length > 0)
        {
            HashSet<string> before = input.GetDiagnostics().Select(Key).ToHashSet();
            caused.AddRange(inUserFiles.Where(d => !before.Contains(Key(d)) && d.Id != MissingDocumentation));
        }

        result.InputCompiles = inUserFiles.Where(IsError).All(d => caused.Contains(d) || d.Id == PartialPropertyWithoutImplementation);
        string tag = Signatures.InputTag(result.InputCompiles);
        Report(result, FindingKind.GeneratedError, inGeneratedFiles.Where(IsError), tag, run);
        Report(result, FindingKind.GeneratedWarning, inGeneratedFiles.Where(IsWarning), tag, run);
        Report(result, FindingKind.CausedError, caused.Where(IsError), tag, run);
        Report(result, FindingKind.CausedWarning, caused.Where(IsWarning), tag, run);
    }

    /// <summary>A diagnostic with the source line it points at, as the first lines of a finding's log.</summary>
    public static string WithSourceLine(Diagnostic diagnostic)
    {
        string text = diagnostic.ToString();
        if (diagnostic.Location.SourceTree is { } tree)
        {
            int line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            var lines = tree.GetText().Lines;
            if (line < lines.Count)
            {
                text += "\n   > " + lines[line].ToString().Trim();
            }
        }

        return text;
    }

    public static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static bool IsWarning(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Warning;

    /// <summary>One finding per distinct (normalized) diagnostic: the first occurrence stands for the others.</summary>
    private static void Report(CheckResult result, FindingKind kind, IEnumerable<Diagnostic> diagnostics, string tag, GeneratorRun run)
    {
        foreach (Diagnostic diagnostic in diagnostics.GroupBy(Describe).Select(g => g.First()))
        {
            result.Add(Finding.Create(kind, Describe(diagnostic) + " " + tag, WithSourceLine(diagnostic) + "\n\n" + run.Describe()));
        }
    }

    private static string Describe(Diagnostic diagnostic) => diagnostic.Id + " " + Signatures.Message(diagnostic.GetMessage(CultureInfo.InvariantCulture));

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + "@" + diagnostic.Location.SourceTree?.FilePath + ":" + diagnostic.Location.SourceSpan;
}
