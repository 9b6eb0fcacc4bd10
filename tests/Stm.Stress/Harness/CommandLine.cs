using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Stm.Stress;

/// <summary>What the command line asks for.</summary>
internal enum CommandKind
{
    Help,
    List,
    RunOne,
    RunAll,
}

/// <summary>
/// The parsed command line. The positional form (<c>scenario seconds workers size flags...</c>) is the one the
/// harness had from the start, so the repro commands quoted in commit messages and docs/performance.md still work.
/// </summary>
internal sealed record CommandLine(
    CommandKind Kind,
    Scenario? Scenario,
    ScenarioSettings Settings,
    int? SegmentCount,
    int? InevitableAfterConflicts,
    IReadOnlyList<string> CommonFlags)
{
    public const int DefaultSeconds = 30;
    public const int DefaultSecondsForAll = 10;

    private static readonly string[] s_commonFlags = ["nogc", "nochurn", "segs=N", "inev=N"];

    public static string Usage =>
        $"""
        Stm.Stress: adversarial stress scenarios for the Stm runtime (run by hand, not by CI).

        usage:
          Stm.Stress <scenario> [seconds] [workers] [size] [flag ...]   run one scenario (default {DefaultSeconds} s)
          Stm.Stress all [seconds] [nogc] [nochurn] [segs=N] [inev=N]   every scenario, each in its own process (default {DefaultSecondsForAll} s each)
          Stm.Stress --list                                             the scenarios, their invariants, workers/size meaning and flags
          Stm.Stress --help                                             this text

        seconds, workers, size: positive integers, in that order; workers and size default per scenario (--list).
        flags (any scenario):
          nogc        no thread forcing garbage collections (on by default: copies, pools and reservations must survive them)
          nochurn     no short-lived churn threads (scenarios that have them: {string.Join(", ", ScenarioCatalog.All.Where(s => s.UsesChurn).Select(s => s.Name))})
          segs=N      StmOptions.SegmentCount = N (fewer segments than threads forces waits and revocations)
          inev=N      StmOptions.InevitableAfterConflicts = N (small N: many inevitable transactions)
        scenario-specific flags: see --list.

        scenarios: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}

        exit code: 0 no violation, 1 violations (listed at the end), 2 bad command line.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a message for the user on any error.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var none = new ScenarioSettings(0, 0, 0, Gc: true, Churn: true, new HashSet<string>());
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            return new CommandLine(CommandKind.Help, null, none, null, null, []);
        }

        if (args[0] == "--list")
        {
            return args.Count == 1
                ? new CommandLine(CommandKind.List, null, none, null, null, [])
                : throw new FormatException("--list takes no arguments");
        }

        bool all = args[0] == "all";
        Scenario? scenario = all ? null : ScenarioCatalog.Find(args[0])
            ?? throw new FormatException($"unknown scenario '{args[0]}' (--list shows them)");

        // Leading numbers: seconds, then (one scenario only) workers and size.
        int maxNumbers = all ? 1 : 3;
        var numbers = new List<int>();
        int i = 1;
        for (; i < args.Count && numbers.Count < maxNumbers && StartsWithDigit(args[i]); i++)
        {
            numbers.Add(PositiveInt(args[i], numbers.Count switch { 0 => "seconds", 1 => "workers", _ => "size" }));
        }

        bool gc = true, churn = true;
        int? segments = null, inevitable = null;
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var common = new List<string>();
        for (; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "nogc")
            {
                gc = false;
                common.Add(arg);
            }
            else if (arg == "nochurn")
            {
                churn = false;
                common.Add(arg);
            }
            else if (arg.StartsWith("segs=", StringComparison.Ordinal))
            {
                segments = PositiveInt(arg["segs=".Length..], "segs");
                if (segments > 1024)
                {
                    throw new FormatException("segs must be at most 1024");
                }

                common.Add(arg);
            }
            else if (arg.StartsWith("inev=", StringComparison.Ordinal))
            {
                inevitable = PositiveInt(arg["inev=".Length..], "inev");
                common.Add(arg);
            }
            else if (scenario is not null && scenario.Flags.Any(f => f.Name == arg))
            {
                flags.Add(arg);
            }
            else if (StartsWithDigit(arg))
            {
                throw new FormatException($"unexpected number '{arg}': {(all ? "all takes only seconds" : "seconds, workers and size come first, before any flag")}");
            }
            else
            {
                string known = string.Join(", ", s_commonFlags.Concat(scenario?.Flags.Select(f => f.Name) ?? []));
                throw new FormatException($"unknown flag '{arg}'{(scenario is null ? string.Empty : $" for {scenario.Name}")}; known: {known}");
            }
        }

        if (scenario?.CheckFlags(flags) is string conflict)
        {
            throw new FormatException($"{scenario.Name}: {conflict}");
        }

        int seconds = numbers.Count > 0 ? numbers[0] : all ? DefaultSecondsForAll : DefaultSeconds;
        int workers = numbers.Count > 1 ? numbers[1] : scenario?.DefaultWorkers ?? 0;
        int size = numbers.Count > 2 ? numbers[2] : scenario?.DefaultSize ?? 0;
        var settings = new ScenarioSettings(seconds, workers, size, gc, churn, flags);
        return new CommandLine(all ? CommandKind.RunAll : CommandKind.RunOne, scenario, settings, segments, inevitable, common);
    }

    /// <summary>The <c>--list</c> text: every scenario with its invariant, and what workers, size and its flags mean.</summary>
    public static string List()
    {
        var lines = new List<string>();
        int width = ScenarioCatalog.All.Max(s => s.Name.Length) + 2;
        foreach (Scenario s in ScenarioCatalog.All)
        {
            lines.Add(s.Name.PadRight(width) + s.Invariant);
            string workers = s.WorkersMeaning is null ? "workers: unused" : $"workers: {s.WorkersMeaning} (default {s.DefaultWorkers})";
            string size = s.SizeMeaning is null ? "size: unused" : $"size: {s.SizeMeaning} (default {s.DefaultSize})";
            lines.Add(new string(' ', width) + $"[{workers}; {size}]");
            foreach (ScenarioFlag flag in s.Flags)
            {
                lines.Add(new string(' ', width) + $"flag {flag.Name}: {flag.Meaning}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static bool StartsWithDigit(string text) => text.Length > 0 && char.IsAsciiDigit(text[0]);

    private static int PositiveInt(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new FormatException($"{what} must be a positive integer, not '{text}'");
}
