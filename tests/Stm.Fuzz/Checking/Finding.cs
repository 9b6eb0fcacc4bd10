namespace Stm.Fuzz.Checking;

/// <summary>
/// One problem found in one case. <see cref="Signature"/> identifies the bug across inputs, so thousands of mutants
/// hitting it make one finding: the kind, then what stays the same from one input to the next (a diagnostic id and
/// its message with names and numbers blanked out, an exception type and the Stm frames it went through), and for
/// compiler diagnostics whether the input compiled without the generator's help (<c>[clean]</c>) or had errors of
/// its own (<c>[input-has-errors]</c>): a bug on clean input is never the user's fault. <see cref="Detail"/> is
/// the log to read: the diagnostics with their source line, the stack trace, the generated code.
/// </summary>
internal sealed record Finding(FindingKind Kind, string Signature, string Detail)
{
    public static Finding Create(FindingKind kind, string description, string detail) =>
        new(kind, kind.Name() + ": " + description, detail);
}
