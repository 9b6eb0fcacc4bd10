using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Stm.Fuzz.Checking;
using Stm.Fuzz.Seeding;

namespace Stm.Fuzz.Fuzzing;

/// <summary>
/// <c>fuzz</c>: runs the <see cref="FuzzWorker"/> in a child process of this program and starts another when one
/// dies. Some inputs kill the process rather than throw (a stack overflow cannot be caught in .NET) or never finish;
/// the supervisor records those as <see cref="FindingKind.ProcessCrash"/> and <see cref="FindingKind.Hang"/>
/// findings with the case the worker was checking, and carries on until the time is spent.
/// </summary>
internal static partial class Supervisor
{
    /// <summary>Output lines kept for a crash's log: the tail holds the runtime's last words (a stack trace).</summary>
    private const int TailLines = 80;

    /// <summary>Leftover seconds not worth starting a worker for (loading Roslyn takes a few).</summary>
    private const double MinimumWorkerSeconds = 10;

    /// <summary>
    /// A worker's heap ceiling: a runaway case then fails fast with OutOfMemoryException instead of making the
    /// machine swap. Far above what a case needs (a worker stays under 500 MB).
    /// </summary>
    private const string HeapLimit = "0x80000000";

    public static int Run(RepositoryLayout layout, double minutes, int seed, int hangSeconds)
    {
        SeedsCommand.EnsureBaseline(layout);
        long findingsLogStart = File.Exists(layout.FindingsLog) ? new FileInfo(layout.FindingsLog).Length : 0;
        var clock = Stopwatch.StartNew();
        TimeSpan budget = TimeSpan.FromMinutes(minutes);
        Console.WriteLine($"== fuzz: {minutes:F1} min, seed {seed}, hang limit {hangSeconds} s, work directory {layout.Work}");

        long cases = 0;
        int workers = 0, crashes = 0, hangs = 0;
        while (budget - clock.Elapsed is { TotalSeconds: > MinimumWorkerSeconds } left)
        {
            WorkerExit exit = RunWorker(layout, left.TotalSeconds, seed + workers, hangSeconds);
            workers++;
            cases += exit.Cases;
            if (exit.Hung || exit.ExitCode != 0)
            {
                crashes += exit.Hung ? 0 : 1;
                hangs += exit.Hung ? 1 : 0;
                string caseText = File.Exists(layout.CurrentCase) ? File.ReadAllText(layout.CurrentCase) : "(no case written)";
                Finding finding = exit.Hung
                    ? Finding.Create(FindingKind.Hang, $"a case ran longer than {hangSeconds} s", string.Join("\n", exit.Tail))
                    : Finding.Create(FindingKind.ProcessCrash, CrashDescription(exit), string.Join("\n", exit.Tail));
                string? folder = new FindingStore(layout).Record(finding, caseText); // read afresh: the workers have added to it
                Console.WriteLine($"== worker {(exit.Hung ? "hung" : $"died (exit code {exit.ExitCode})")}: {finding.Signature}" +
                    (folder is null ? " (known)" : $" -> NEW {Path.GetFileName(folder)}") + "; restarting");
            }
        }

        double elapsedMinutes = clock.Elapsed.TotalMinutes;
        List<string> newFindings = NewFindingLines(layout, findingsLogStart);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== fuzz done: {cases} cases in {elapsedMinutes:F1} min ({cases / Math.Max(elapsedMinutes, 1e-9):F0}/min), {workers} worker process(es), {crashes} crash(es), {hangs} hang(s); " +
            $"{newFindings.Count} new finding(s), {new FindingStore(layout).Count} in {layout.Findings}"));
        foreach (string line in newFindings)
        {
            Console.WriteLine("   " + line);
        }

        return newFindings.Count == 0 ? 0 : 1;
    }

    private static WorkerExit RunWorker(RepositoryLayout layout, double seconds, int seed, int hangSeconds)
    {
        ProcessStartInfo start = SelfCommand();
        foreach (string argument in new[] { "worker", "--seconds", seconds.ToString("F0", CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--repo", layout.Root, "--work", layout.Work })
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;

        var tail = new Queue<string>();
        long cases = 0;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }

                if (CaseCount().Match(line) is { Success: true } match)
                {
                    cases = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            Console.WriteLine(line);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        DateTime started = DateTime.UtcNow;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The worker rewrites the current case before each one: a file older than the hang limit means one case is stuck.
        bool hung = false;
        while (!process.WaitForExit(1000))
        {
            DateTime lastCase = File.Exists(layout.CurrentCase) ? File.GetLastWriteTimeUtc(layout.CurrentCase) : started;
            if (DateTime.UtcNow - (lastCase > started ? lastCase : started) > TimeSpan.FromSeconds(hangSeconds))
            {
                hung = true;
                process.Kill(entireProcessTree: true);
            }
        }

        process.WaitForExit(); // flushes the asynchronous readers
        lock (tail)
        {
            return new WorkerExit(process.ExitCode, hung, cases, tail.ToList());
        }
    }

    /// <summary>What died and where: a stack overflow's trace names the recursing frames, the first Stm one is ours.</summary>
    private static string CrashDescription(WorkerExit exit)
    {
        string description = $"exit code {exit.ExitCode}";
        if (exit.Tail.Any(l => l.Contains("Stack overflow", StringComparison.Ordinal)))
        {
            description += ", stack overflow";
        }
        else if (exit.Tail.Any(l => l.Contains("OutOfMemoryException", StringComparison.Ordinal)))
        {
            description += ", out of memory";
        }

        string? frame = exit.Tail.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Stm.", StringComparison.Ordinal));
        return frame is null ? description : description + " " + Regex.Replace(frame, " in .*$", string.Empty);
    }

    private static List<string> NewFindingLines(RepositoryLayout layout, long offset)
    {
        if (!File.Exists(layout.FindingsLog))
        {
            return [];
        }

        using var stream = new FileStream(layout.FindingsLog, FileMode.Open, FileAccess.Read);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>This program again: the apphost itself, or <c>dotnet Stm.Fuzz.dll</c> when run through the muxer.</summary>
    private static ProcessStartInfo SelfCommand()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var start = new ProcessStartInfo(host);
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Supervisor).Assembly.Location);
        }

        return start;
    }

    /// <summary>The case count of a worker's result line or of its latest progress line (a worker that dies prints no result).</summary>
    [GeneratedRegex(@"^(?:result: cases=|\S+ cases )(\d+)")]
    private static partial Regex CaseCount();

    private sealed record WorkerExit(int ExitCode, bool Hung, long Cases, List<string> Tail);
}
