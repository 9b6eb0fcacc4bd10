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

    /// <summary>Why the cell failed (crash, invariant violation, timeout), or null.</summary>
    public string? Failure { get; init; }

    public bool Succeeded => Failure is null;

    public double TransactionsPerSecond => Seconds > 0 ? Transactions / Seconds : 0;

    /// <summary>Conflict aborts per committed transaction (stm only; 0 otherwise).</summary>
    public double AbortRate => Commits > 0 ? (double)Aborts / Commits : 0;

    public static CellResult Failed(CellSpec spec, string failure) => new(spec, 0, 0, 0, 0) { Failure = failure };

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Marker} cell={Spec} transactions={Transactions} seconds={Seconds:R} commits={Commits} aborts={Aborts}");

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
            long.Parse(fields["aborts"], CultureInfo.InvariantCulture));
    }
}
