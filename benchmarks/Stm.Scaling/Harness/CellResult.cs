using System;
using System.Collections.Generic;
using System.Globalization;

namespace Stm.Scaling.Harness;

/// <summary>
/// What one cell measured. A cell process prints it as one line starting with <see cref="Marker"/>; the driver
/// parses that line back.
/// </summary>
internal sealed record CellResult(CellSpec Spec, long Transactions, double Seconds, long Commits, long Aborts)
{
    public const string Marker = "STM-SCALING-RESULT";

    /// <summary>
    /// Starts the line a peer cell's process prints when it fails, followed by the failure in a word or two
    /// (<see cref="Brief"/>). Only peer cells print it; the driver reads our own cells' failures from their exit code
    /// and standard error.
    /// </summary>
    public const string FailureMarker = "STM-SCALING-FAILURE";

    /// <summary>Why the cell failed (crash, invariant violation, timeout), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>
    /// For a failed peer cell, the failure in a word or two for the table: <c>timeout</c>, <c>invariant</c>, the
    /// exception's type name, or <c>exit code N</c>.
    /// </summary>
    public string? Brief { get; init; }

    /// <summary>Gen0 garbage collections during the measured time (an allocation-bound cell shows it here).</summary>
    public int Gen0Collections { get; init; }

    /// <summary>Seconds the runtime paused every thread for garbage collection during the measured time.</summary>
    public double GcPauseSeconds { get; init; }

    public bool Succeeded => Failure is null;

    public double TransactionsPerSecond => Seconds > 0 ? Transactions / Seconds : 0;

    /// <summary>Conflict aborts per committed transaction (stm and langext; 0 otherwise).</summary>
    public double AbortRate => Commits > 0 ? (double)Aborts / Commits : 0;

    public static CellResult Failed(CellSpec spec, string failure) => new(spec, 0, 0, 0, 0) { Failure = failure };

    /// <summary>The line a failed peer cell prints for the driver: <see cref="FailureMarker"/> and <paramref name="brief"/>.</summary>
    public static string FormatFailure(string brief) => $"{FailureMarker} {brief}";

    /// <summary>The brief of a <see cref="FormatFailure"/> line, or null if <paramref name="line"/> is not one.</summary>
    public static string? TryParseFailure(string line) =>
        line.StartsWith(FailureMarker + " ", StringComparison.Ordinal) ? line[(FailureMarker.Length + 1)..].Trim() : null;

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Marker} cell={Spec} transactions={Transactions} seconds={Seconds:R} commits={Commits} aborts={Aborts} gc0={Gen0Collections} gcpause={GcPauseSeconds:R}");

    public static CellResult? TryParse(string line)
    {
        if (!line.StartsWith(Marker + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in line[(Marker.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            fields[part[..eq]] = part[(eq + 1)..];
        }

        return new CellResult(
            CellSpec.Parse(fields["cell"]),
            long.Parse(fields["transactions"], CultureInfo.InvariantCulture),
            double.Parse(fields["seconds"], CultureInfo.InvariantCulture),
            long.Parse(fields["commits"], CultureInfo.InvariantCulture),
            long.Parse(fields["aborts"], CultureInfo.InvariantCulture))
        {
            Gen0Collections = fields.TryGetValue("gc0", out string? gc0) ? int.Parse(gc0, CultureInfo.InvariantCulture) : 0,
            GcPauseSeconds = fields.TryGetValue("gcpause", out string? pause) ? double.Parse(pause, CultureInfo.InvariantCulture) : 0,
        };
    }
}
