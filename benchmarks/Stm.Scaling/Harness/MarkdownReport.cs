using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Stm.Scaling.Workloads;

namespace Stm.Scaling.Harness;

/// <summary>Renders a run as markdown: the machine and command, the throughput table, the targets, the failures.</summary>
internal static class MarkdownReport
{
    public static string Render(IReadOnlyList<CellResult> results, HarnessOptions options, DateTimeOffset started, string? loadAtStart)
    {
        var grid = new ResultGrid(results);
        IReadOnlyList<int> threads = options.Threads;
        int[] many = threads.Where(t => t > 1).ToArray();
        bool peer = options.Variants.Contains(Variant.LangExt);
        int most = threads.Max();
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Run {started:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}."));
        if (loadAtStart is string load)
        {
            text.AppendLine(Invariant($"Load average when the run started (1, 5, 15 min): {load}. On a quiet machine it is well below the CPU count."));
        }

        string repeat = options.Repeat > 1 ? Invariant($" Each cell ran {options.Repeat} times; the median is shown.") : string.Empty;
        text.AppendLine(Invariant($"Each cell: a fresh process, {options.Warmup:0.###} s warm-up, then {options.Seconds:0.###} s measured. Throughput in transactions per second (k = 10^3, M = 10^6).{repeat}"));
        text.AppendLine(Invariant($"Command: `dotnet run -c Release --project benchmarks/Stm.Scaling -- --workloads {string.Join(',', options.Workloads)} --threads {string.Join(',', threads)} --seconds {options.Seconds:0.###} --warmup {options.Warmup:0.###}{(options.Repeat > 1 ? $" --repeat {options.Repeat}" : string.Empty)}{VariantsOption(options)}`"));
        text.AppendLine();

        var header = new List<string> { "workload", "plain 1T" };
        header.AddRange(threads.Select(t => $"lock {t}T"));
        header.AddRange(threads.Select(t => $"stm {t}T"));
        header.Add($"stm aborts/commit ({string.Join(" · ", threads.Select(t => $"{t}T"))})");
        header.Add("stm/plain 1T");
        header.AddRange(many.Select(t => $"stm {t}T/1T"));
        header.AddRange(many.Select(t => $"plain {t}T/1T"));
        header.AddRange(many.Select(t => $"stm/lock {t}T"));
        if (peer)
        {
            header.AddRange(threads.Select(t => $"langext {t}T"));
            header.Add($"langext aborts/commit ({string.Join(" · ", threads.Select(t => $"{t}T"))})");
            header.Add($"stm/langext {most}T");
        }

        AppendRow(text, header);
        AppendRow(text, header.Select((_, i) => i == 0 ? "---" : "---:"));

        foreach (string workload in grid.Workloads)
        {
            var row = new List<string> { workload, Cell(grid.Find(workload, Variant.Plain, 1)) };
            row.AddRange(threads.Select(t => Cell(grid.Find(workload, Variant.Lock, t))));
            row.AddRange(threads.Select(t => Cell(grid.Find(workload, Variant.Stm, t))));
            row.Add(AbortRates(grid, workload, Variant.Stm, threads));
            row.Add(RatioText(grid.Ratio(workload, Variant.Stm, 1, Variant.Plain, 1)));
            row.AddRange(many.Select(t => RatioText(grid.Ratio(workload, Variant.Stm, t, Variant.Stm, 1))));
            row.AddRange(many.Select(t => RatioText(grid.Ratio(workload, Variant.Plain, t, Variant.Plain, 1))));
            row.AddRange(many.Select(t => RatioText(grid.Ratio(workload, Variant.Stm, t, Variant.Lock, t))));
            if (peer && WorkloadCatalog.Create(workload).PeerNotApplicable is not null)
            {
                row.AddRange(threads.Select(_ => "n/a"));
                row.Add("–");
                row.Add("–");
            }
            else if (peer)
            {
                row.AddRange(threads.Select(t => Cell(grid.Find(workload, Variant.LangExt, t))));
                row.Add(AbortRates(grid, workload, Variant.LangExt, threads));
                row.Add(RatioText(grid.Ratio(workload, Variant.Stm, most, Variant.LangExt, most)));
            }

            AppendRow(text, row);
        }

        if (many.Length > 0)
        {
            text.AppendLine();
            text.AppendLine("`plain NT/1T`: the plain code on N threads with no synchronisation at all, for the workloads where that is safe (each worker touches only its own objects or only reads shared ones): how far this machine lets any variant scale.");
        }

        if (peer)
        {
            text.AppendLine();
            text.AppendLine("`langext NT`: the same workloads against a .NET peer STM, LanguageExt.Core 3.4.13 (`Ref<T>` classes in `benchmarks/Stm.Scaling/Peer/`, each transaction one `sync` with serialisable isolation; counter-tcounter increments with `Ref.Commute`). trees2 builds each tree just before its transaction, since LanguageExt cannot use a `Ref` in the transaction that created it. `langext aborts/commit`: re-runs of the transaction body counted by the harness (LanguageExt keeps no statistics). A failed langext cell reads `failed: <reason>` and does not change the exit code.");
            foreach (string workload in grid.Workloads)
            {
                if (WorkloadCatalog.Create(workload).PeerNotApplicable is string reason)
                {
                    text.AppendLine();
                    text.AppendLine(Invariant($"`n/a` ({workload}): {reason}."));
                }
            }
        }

        text.AppendLine();
        text.AppendLine("Targets (DESIGN §6), from this run:");
        text.AppendLine();
        AppendRow(text, ["target", "workload", "measured", "required", "met"]);
        AppendRow(text, ["---", "---", "---:", "---", "---"]);
        foreach ((string target, string workload, double? measured, string required, bool? met) in TargetCheck.Evaluate(grid))
        {
            string verdict = met switch
            {
                true => "yes",
                false => "**no**",
                null => "not measured",
            };
            AppendRow(text, [target, workload, RatioText(measured), required, verdict]);
        }

        AppendFailures(text, "**Failed cells:**", results.Where(r => !r.Succeeded && !r.Spec.Variant.IsPeer()).ToList());
        AppendFailures(text, "**Failed peer cells** (not counted in the exit code):", results.Where(r => !r.Succeeded && r.Spec.Variant.IsPeer()).ToList());
        return text.ToString();
    }

    private static void AppendFailures(StringBuilder text, string title, List<CellResult> failures)
    {
        if (failures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(title);
            text.AppendLine();
            foreach (CellResult failure in failures)
            {
                text.AppendLine(Invariant($"- `{failure.Spec}`: {failure.Failure}"));
            }
        }
    }

    /// <summary>
    /// Nothing for the default variants, and for plain, lock and stm (the default before the peer existed, so that
    /// such a run prints the table it always did); otherwise the list.
    /// </summary>
    private static string VariantsOption(HarnessOptions options) =>
        options.Variants.Count == 4 || (options.Variants.Count == 3 && !options.Variants.Contains(Variant.LangExt))
            ? string.Empty
            : " --variants " + string.Join(',', options.Variants.Select(v => v.Name()));

    /// <summary>The system load average (Linux), so a reader can tell whether the machine was quiet.</summary>
    public static string? LoadAverage()
    {
        try
        {
            string[] fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? $"{fields[0]}, {fields[1]}, {fields[2]}" : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A throughput with an SI suffix, e.g. <c>1.23 M</c>.</summary>
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e6 => Invariant($"{perSecond / 1e6:0.00} M"),
        >= 1e3 => Invariant($"{perSecond / 1e3:0.0} k"),
        _ => Invariant($"{perSecond:0.0}"),
    };

    private static string Cell(CellResult? result) => result switch
    {
        null => "–",
        { Succeeded: false } when result.Spec.Variant.IsPeer() => $"failed: {result.Brief}",
        { Succeeded: false } => "FAILED",
        _ => Rate(result.TransactionsPerSecond),
    };

    /// <summary>Conflict aborts per commit of <paramref name="variant"/> at each thread count, "–" where it failed or did not run.</summary>
    private static string AbortRates(ResultGrid grid, string workload, Variant variant, IReadOnlyList<int> threads) =>
        string.Join(" · ", threads.Select(t => grid.Find(workload, variant, t) is { Succeeded: true } r
            ? r.AbortRate.ToString("0.###", CultureInfo.InvariantCulture)
            : "–"));

    private static string RatioText(double? ratio) => ratio is double r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
