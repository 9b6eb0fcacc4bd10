using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Stm.Fuzz.Checking;

/// <summary>Turns diagnostics and exceptions into the stable parts of a <see cref="Finding.Signature"/>.</summary>
internal static partial class Signatures
{
    private const int MaxMessageLength = 160;

    /// <summary>
    /// A diagnostic message without what varies from input to input: quoted names become '?', numbers N. Two mutants
    /// hitting the same bug in differently named classes then share a signature.
    /// </summary>
    public static string Message(string message)
    {
        string normalized = QuotedName().Replace(message, "'?'");
        normalized = Number().Replace(normalized, "N");
        normalized = normalized.Split('\n')[0].TrimEnd('\r');
        return normalized.Length > MaxMessageLength ? normalized[..MaxMessageLength] : normalized;
    }

    /// <summary>
    /// An exception as its type, the first two frames in Stm code (where our bug is; the fuzzer's own frames do not
    /// count) and the top frame (where it surfaced, often in Roslyn). Line numbers are left out: an unrelated edit
    /// must not split a finding in two.
    /// </summary>
    public static string Exception(Exception exception)
    {
        Exception e = Unwrap(exception);
        string[] frames = (e.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).ToArray();
        var stmFrames = frames.Where(l => l.StartsWith("at Stm.", StringComparison.Ordinal) && !l.StartsWith("at Stm.Fuzz.", StringComparison.Ordinal)).Take(2).Select(WithoutLocation);
        string top = frames.Length > 0 ? WithoutLocation(frames[0]) : "(no stack)";
        return $"{e.GetType().Name} | {string.Join(" <- ", stmFrames)} | top: {top}";
    }

    /// <summary>The innermost exception worth showing: aggregates and reflection wrappers hide the real one.</summary>
    public static Exception Unwrap(Exception exception)
    {
        Exception e = exception;
        while (true)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                e = aggregate.InnerExceptions[0];
            }
            else if (e is TargetInvocationException { InnerException: { } inner })
            {
                e = inner;
            }
            else
            {
                return e;
            }
        }
    }

    /// <summary>The tag that separates bugs on input that compiles from bugs on input that is already broken.</summary>
    public static string InputTag(bool inputCompiles) => inputCompiles ? "[clean]" : "[input-has-errors]";

    private static string WithoutLocation(string frame) => SourceLocation().Replace(frame, string.Empty);

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(" in .*$")]
    private static partial Regex SourceLocation();
}
