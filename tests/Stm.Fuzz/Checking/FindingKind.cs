using System;
using System.Linq;

namespace Stm.Fuzz.Checking;

/// <summary>What went wrong. The name (<see cref="FindingKinds.Name"/>) starts every signature and findings folder.</summary>
internal enum FindingKind
{
    /// <summary>The generator threw: the compiler reports CS8785 (a warning!) and drops all of its output.</summary>
    GeneratorCrash,

    /// <summary>The generator reported a diagnostic. It must stay quiet: explaining bad input is the analyzers' job.</summary>
    GeneratorDiagnostic,

    /// <summary>An error in a generated file: the user cannot fix or suppress it.</summary>
    GeneratedError,

    /// <summary>A warning in a generated file: fatal in a build with warnings as errors, and not the user's to suppress.</summary>
    GeneratedWarning,

    /// <summary>An error in the user's code that only the generated code brought (it declared a clashing member, say).</summary>
    CausedError,

    /// <summary>A warning in the user's code that only the generated code brought.</summary>
    CausedWarning,

    /// <summary>Two fresh runs over the same input generated different text.</summary>
    Nondeterministic,

    /// <summary>A run reusing the previous run's state generated something else than a fresh run over the same input.</summary>
    IncrementalMismatch,

    /// <summary>An analyzer threw (AD0001 in a build).</summary>
    AnalyzerCrash,

    /// <summary>A code fix threw while registering, computing or applying its change, alone or through FixAll.</summary>
    CodeFixCrash,

    /// <summary>The code compiled, then a code fix made it fail to compile.</summary>
    CodeFixBreaksBuild,

    /// <summary>The fuzzer itself threw on a case: a bug of the fuzzer or of Roslyn, to look at all the same.</summary>
    HarnessError,

    /// <summary>The checking process died (a stack overflow, say); recorded by the supervisor.</summary>
    ProcessCrash,

    /// <summary>One case ran for longer than the hang limit; recorded by the supervisor.</summary>
    Hang,
}

/// <summary>The names of <see cref="FindingKind"/> as they appear in signatures and folder names.</summary>
internal static class FindingKinds
{
    public static string Name(this FindingKind kind) => kind switch
    {
        FindingKind.GeneratorCrash => "generator-crash",
        FindingKind.GeneratorDiagnostic => "generator-diagnostic",
        FindingKind.GeneratedError => "generated-error",
        FindingKind.GeneratedWarning => "generated-warning",
        FindingKind.CausedError => "caused-error",
        FindingKind.CausedWarning => "caused-warning",
        FindingKind.Nondeterministic => "nondeterministic",
        FindingKind.IncrementalMismatch => "incremental-mismatch",
        FindingKind.AnalyzerCrash => "analyzer-crash",
        FindingKind.CodeFixCrash => "codefix-crash",
        FindingKind.CodeFixBreaksBuild => "codefix-breaks-build",
        FindingKind.HarnessError => "harness-error",
        FindingKind.ProcessCrash => "process-crash",
        FindingKind.Hang => "hang",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kind a signature starts with, or null for a text that is not a signature.</summary>
    public static FindingKind? FromSignature(string signature)
    {
        int colon = signature.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? signature : signature[..colon];
        return Enum.GetValues<FindingKind>().Cast<FindingKind?>().FirstOrDefault(k => k!.Value.Name() == name);
    }

    /// <summary>Kinds that only the generator and the compiler produce: checking them needs neither analyzers nor fixes.</summary>
    public static bool IsGeneratorOnly(this FindingKind kind) =>
        kind is FindingKind.GeneratorCrash or FindingKind.GeneratorDiagnostic or FindingKind.GeneratedError
            or FindingKind.GeneratedWarning or FindingKind.CausedError or FindingKind.CausedWarning;
}
