using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Stm.Engine;
using Stm.Internal;

namespace Stm;

/// <summary>One place where transactions conflict: a property, the kind of conflict, how often, and what it cost.</summary>
/// <param name="Property">The conflicting property as <c>Type.Property</c> (or "(unknown)").</param>
/// <param name="DeclaringType">The class declaring the property, or <see langword="null"/> if unknown.</param>
/// <param name="Kind">Write-write or read-write.</param>
/// <param name="Aborts">Attempts aborted here.</param>
/// <param name="TimeLost">Time spent in those attempts before they aborted.</param>
public sealed record ConflictSite(string Property, Type? DeclaringType, ConflictKind Kind, long Aborts, TimeSpan TimeLost);

/// <summary>
/// The conflict sites of the process, worst first: what to change to make transactions stop conflicting
/// (PyPy's "conflict report"). Get one with <see cref="Atomic.ConflictReport"/>.
/// </summary>
public sealed class ConflictReport
{
    internal ConflictReport(IReadOnlyList<ConflictSite> sites) => Sites = sites;

    /// <summary>The sites, most time lost first (then most aborts).</summary>
    public IReadOnlyList<ConflictSite> Sites { get; }

    /// <summary>Total aborts over all sites.</summary>
    public long TotalAborts => Sites.Sum(s => s.Aborts);

    internal static ConflictReport Capture()
    {
        var sites = new List<ConflictSite>();
        foreach (KeyValuePair<(int Property, ConflictKind Kind), ConflictSites.Counter> pair in ConflictSites.Current)
        {
            TransactionalProperty property = TransactionalProperty.FromIndex(pair.Key.Property);
            sites.Add(new ConflictSite(
                property.DisplayName,
                property.Index == 0 ? null : property.DeclaringType,
                pair.Key.Kind,
                System.Threading.Volatile.Read(ref pair.Value.Count),
                TimeSpan.FromMilliseconds(System.Threading.Volatile.Read(ref pair.Value.Milliseconds))));
        }

        sites.Sort(static (a, b) =>
        {
            int byTime = b.TimeLost.CompareTo(a.TimeLost);
            return byTime != 0 ? byTime : b.Aborts.CompareTo(a.Aborts);
        });
        return new ConflictReport(sites);
    }

    /// <summary>A plain-text table of the top <paramref name="top"/> sites.</summary>
    /// <param name="top">How many sites to list.</param>
    /// <returns>The table, or a line saying there were no conflicts.</returns>
    public string ToString(int top)
    {
        if (Sites.Count == 0)
        {
            return "No conflicts.";
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Conflict site",-40} {"Kind",-10} {"Aborts",10} {"Time lost",12}");
        foreach (ConflictSite site in Sites.Take(top))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{site.Property,-40} {site.Kind,-10} {site.Aborts,10} {site.TimeLost.TotalMilliseconds,9:F1} ms");
        }

        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public override string ToString() => ToString(10);
}
