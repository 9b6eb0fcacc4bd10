using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Stm.Stress;

/// <summary>
/// <c>all</c>: runs every scenario for the same number of seconds, each in a fresh process of this program (so that
/// segment count, reflection-tuned internals and leftover blocked threads cannot leak from one to the next), and
/// prints one line per scenario. A scenario's full output is printed only if it failed.
/// </summary>
internal static class AllRunner
{
    public static int Run(CommandLine command)
    {
        int seconds = command.Settings.Seconds;

        // Generous: a clean run takes its seconds plus a few of draining; only a hang takes longer.
        TimeSpan timeout = TimeSpan.FromSeconds((seconds * 2) + 120);
        Console.WriteLine($"== all: {ScenarioCatalog.All.Count} scenarios, {seconds} s each, flags [{string.Join(" ", command.CommonFlags)}]");
        var failed = new List<string>();
        foreach (Scenario scenario in ScenarioCatalog.All)
        {
            var arguments = new List<string> { scenario.Name, seconds.ToString(CultureInfo.InvariantCulture) };
            arguments.AddRange(command.CommonFlags);
            (int exitCode, string output, bool timedOut) = RunChild(arguments, timeout);
            ResultLine? result = ResultLine.Find(output);
            string status = timedOut ? $"TIMED OUT after {timeout.TotalSeconds:F0} s (hang?)"
                : result is null ? $"FAILED: exit code {exitCode}, no result line"
                : exitCode == 0 && result.Violations == 0 ? "ok"
                : $"FAILED: exit code {exitCode}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name,-12} {result?.Seconds ?? 0,6:F1} s  ops {result?.Ops ?? 0,14:N0}  violations {result?.Violations.ToString(CultureInfo.InvariantCulture) ?? "?",4}  {status}"));
            if (status != "ok")
            {
                failed.Add(scenario.Name);
                foreach (string line in output.Split('\n'))
                {
                    Console.WriteLine("    | " + line.TrimEnd('\r'));
                }
            }
        }

        Console.WriteLine(failed.Count == 0
            ? $"all {ScenarioCatalog.All.Count} scenarios passed"
            : $"{failed.Count} of {ScenarioCatalog.All.Count} scenarios failed: {string.Join(", ", failed)}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static (int ExitCode, string Output, bool TimedOut) RunChild(IEnumerable<string> arguments, TimeSpan timeout)
    {
        ProcessStartInfo start = SelfCommand();
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        // Both streams into one buffer, in arrival order, so violations (stderr) sit next to what preceded them.
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, Snapshot(output), true);
        }

        process.WaitForExit(); // flushes the asynchronous readers
        return (process.ExitCode, Snapshot(output), false);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>This program again: the apphost itself, or <c>dotnet Stm.Stress.dll</c> when run through the muxer.</summary>
    private static ProcessStartInfo SelfCommand()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var start = new ProcessStartInfo(host);
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(AllRunner).Assembly.Location);
        }

        return start;
    }
}

/// <summary>The last line of a scenario run, machine-readable: <c>result: scenario=bank seconds=10.0 ops=123 violations=0</c>.</summary>
internal sealed partial record ResultLine(string Scenario, double Seconds, long Ops, long Violations)
{
    public static string Format(string scenario, double seconds, long ops, long violations) =>
        string.Create(CultureInfo.InvariantCulture, $"result: scenario={scenario} seconds={seconds:F1} ops={ops} violations={violations}");

    public static ResultLine? Find(string output)
    {
        Match match = Pattern().Matches(output).LastOrDefault() ?? Match.Empty;
        return match.Success
            ? new ResultLine(
                match.Groups[1].Value,
                double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture),
                long.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^result: scenario=(\S+) seconds=([0-9.]+) ops=([0-9]+) violations=([0-9]+)\r?$", RegexOptions.Multiline)]
    private static partial Regex Pattern();
}
