using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Stm.Scaling.Workloads;

namespace Stm.Scaling.Harness;

/// <summary>Runs every requested cell in a fresh process of this same program, one after another, and prints the table.</summary>
internal static class Driver
{
    public static int Run(HarnessOptions options)
    {
        List<CellSpec> cells = Plan(options);
        var results = new List<CellResult>();
        var started = DateTimeOffset.UtcNow;
        string? load = MarkdownReport.LoadAverage();
        for (int i = 0; i < cells.Count; i++)
        {
            Console.Error.Write($"[{i + 1}/{cells.Count}] {cells[i],-24} ");
            CellResult result = Measure(cells[i], options, out string spread);
            results.Add(result);
            Console.Error.WriteLine(result.Succeeded
                ? $"{MarkdownReport.Rate(result.TransactionsPerSecond)} tx/s, {result.AbortRate:0.###} aborts/commit{spread}"
                : "FAILED: " + result.Failure
                    + (result.Spec.Variant.IsPeer() ? " (a peer: not counted in the exit code)" : string.Empty));
        }

        Console.Out.Write(MarkdownReport.Render(results, options, started, load));
        return results.All(r => r.Succeeded || r.Spec.Variant.IsPeer()) ? 0 : 1;
    }

    /// <summary>
    /// Per workload: plain at one thread (at every thread count if its plain code needs no synchronisation), then
    /// lock, stm and the langext peer (where it applies) at each thread count.
    /// </summary>
    public static List<CellSpec> Plan(HarnessOptions options)
    {
        var cells = new List<CellSpec>();
        foreach (string workload in options.Workloads)
        {
            if (options.Variants.Contains(Variant.Plain))
            {
                cells.Add(new CellSpec(workload, Variant.Plain, 1));
                if (WorkloadCatalog.Create(workload).PlainIsThreadSafe)
                {
                    cells.AddRange(options.Threads.Where(t => t > 1).Select(t => new CellSpec(workload, Variant.Plain, t)));
                }
            }

            bool peerApplies = WorkloadCatalog.Create(workload).PeerNotApplicable is null;
            IEnumerable<Variant> variants = new[] { Variant.Lock, Variant.Stm, Variant.LangExt }
                .Where(v => options.Variants.Contains(v) && (peerApplies || !v.IsPeer()));
            foreach (Variant variant in variants)
            {
                cells.AddRange(options.Threads.Select(t => new CellSpec(workload, variant, t)));
            }
        }

        return cells;
    }

    /// <summary>
    /// Runs the cell <see cref="HarnessOptions.Repeat"/> times and keeps the run with the median throughput; any
    /// failed run fails the cell. <paramref name="spread"/> describes the range of the runs, for the progress line.
    /// </summary>
    private static CellResult Measure(CellSpec cell, HarnessOptions options, out string spread)
    {
        var runs = new List<CellResult>();
        for (int i = 0; i < options.Repeat; i++)
        {
            CellResult run = Launch(cell, options);
            if (!run.Succeeded)
            {
                spread = string.Empty;
                return run;
            }

            runs.Add(run);
        }

        runs.Sort((a, b) => a.TransactionsPerSecond.CompareTo(b.TransactionsPerSecond));
        spread = runs.Count == 1 ? string.Empty
            : $" (median of {runs.Count}; range {MarkdownReport.Rate(runs[0].TransactionsPerSecond)} – {MarkdownReport.Rate(runs[^1].TransactionsPerSecond)})";
        return runs[runs.Count / 2];
    }

    private static CellResult Launch(CellSpec cell, HarnessOptions options)
    {
        ProcessStartInfo start = SelfCommand();
        foreach (string arg in options.CellArguments(cell))
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a cell process");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        bool peer = cell.Variant.IsPeer();
        double limit = options.Warmup + options.Seconds + (peer ? Math.Min(options.Timeout, options.PeerTimeout) : options.Timeout);
        if (!process.WaitForExit(TimeSpan.FromSeconds(limit)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return CellResult.Failed(cell, $"timed out after {limit:0} s") with { Brief = peer ? "timeout" : null };
        }

        process.WaitForExit(); // flushes the redirected streams
        string output = stdout.Result;
        string errors = stderr.Result.Trim();
        if (process.ExitCode != 0)
        {
            CellResult failed = CellResult.Failed(cell, $"exit code {process.ExitCode}: {Tail(errors)}");
            return peer ? failed with { Brief = PeerFailure(output) ?? $"exit code {process.ExitCode}" } : failed;
        }

        CellResult? result = output.Split('\n').Select(line => CellResult.TryParse(line.Trim())).FirstOrDefault(r => r is not null);
        return result
            ?? CellResult.Failed(cell, "the cell printed no result line: " + Tail(output + errors)) with { Brief = peer ? "no result" : null };
    }

    /// <summary>The brief a failed peer cell printed (<see cref="CellResult.FormatFailure"/>), or null.</summary>
    private static string? PeerFailure(string output) =>
        output.Split('\n').Select(line => CellResult.TryParseFailure(line.Trim())).FirstOrDefault(brief => brief is not null);

    /// <summary>This program again: the apphost itself, or <c>dotnet Stm.Scaling.dll</c> when run through the muxer.</summary>
    private static ProcessStartInfo SelfCommand()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var start = new ProcessStartInfo(host);
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Driver).Assembly.Location);
        }

        return start;
    }

    private static string Tail(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tail = new StringBuilder();
        foreach (string line in lines.TakeLast(3))
        {
            tail.Append(tail.Length > 0 ? " | " : string.Empty).Append(line);
        }

        return tail.ToString();
    }
}
