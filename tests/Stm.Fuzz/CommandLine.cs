using System;
using System.Collections.Generic;
using System.Globalization;

namespace Stm.Fuzz;

/// <summary>What the command line asks for.</summary>
internal enum Command
{
    Help,
    Seeds,
    Fuzz,
    Run,
    Minimize,

    /// <summary>The fuzz loop itself, in a process the <c>fuzz</c> supervisor starts (not for people).</summary>
    Worker,
}

/// <summary>The parsed command line: a command, its files, and the options (each with its default).</summary>
internal sealed record CommandLine(Command Command, IReadOnlyList<string> Files)
{
    public const double DefaultMinutes = 10;
    public const int DefaultHangSeconds = 120;

    public string? Repo { get; init; }

    public string? Work { get; init; }

    public double Minutes { get; init; } = DefaultMinutes;

    /// <summary>The random seed of the fuzz run; by default from the clock (printed, so a run can be repeated).</summary>
    public int Seed { get; init; } = Environment.TickCount & int.MaxValue;

    public int HangSeconds { get; init; } = DefaultHangSeconds;

    public bool InProcess { get; init; }

    public double WorkerSeconds { get; init; }

    public bool Verbose { get; init; }

    public bool ShowGenerated { get; init; }

    public string? Signature { get; init; }

    public string? Output { get; init; }

    public static string Usage =>
        $"""
        Stm.Fuzz: mutation fuzzer for the Stm generator, analyzers and code fixes (run by hand, not by CI).

        usage:
          Stm.Fuzz seeds                     extract the seeds into the work directory, check them all, write the baseline
          Stm.Fuzz fuzz [--minutes N] [--seed S] [--hang-seconds N] [--in-process]
                                             mutate seeds and check them for N minutes (default {DefaultMinutes}); new findings
                                             go to <work>/findings; runs `seeds` first if there is no baseline yet
          Stm.Fuzz run FILE... [-v] [--generated]
                                             check cases and print their findings (-v: every diagnostic and the whole log;
                                             --generated: the generated files)
          Stm.Fuzz min FILE [--signature TEXT] [--out FILE]
                                             shrink a case while it keeps one finding's signature (default: the folder's
                                             signature.txt, else the case's first finding not in the baseline)

        options of every command:
          --repo DIR    the repository (default: the directory holding Stm.sln above this program)
          --work DIR    the work directory: seeds, baseline, findings, logs (default: <repo>/artifacts/fuzz)

        fuzz runs the checks in a child process and starts another when one dies (a stack overflow) or hangs on a case
        for --hang-seconds (default {DefaultHangSeconds}); --in-process runs them in this process instead (for a debugger).

        exit code: 0 nothing found (run: no finding; fuzz: no new finding), 1 findings, 2 bad command line.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a message for the user on any error.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            return new CommandLine(Command.Help, []);
        }

        Command command = args[0] switch
        {
            "seeds" => Command.Seeds,
            "fuzz" => Command.Fuzz,
            "run" => Command.Run,
            "min" => Command.Minimize,
            "worker" => Command.Worker,
            _ => throw new FormatException($"unknown command '{args[0]}'"),
        };

        var files = new List<string>();
        var line = new CommandLine(command, files);
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            string Value() => ++i < args.Count ? args[i] : throw new FormatException($"{arg} needs a value");
            line = arg switch
            {
                "--repo" => line with { Repo = Value() },
                "--work" => line with { Work = Value() },
                "--minutes" when command == Command.Fuzz => line with { Minutes = Positive(Value(), arg) },
                "--seed" when command is Command.Fuzz or Command.Worker => line with { Seed = NonNegativeInt(Value(), arg) },
                "--hang-seconds" when command == Command.Fuzz => line with { HangSeconds = (int)Positive(Value(), arg) },
                "--in-process" when command == Command.Fuzz => line with { InProcess = true },
                "--seconds" when command == Command.Worker => line with { WorkerSeconds = Positive(Value(), arg) },
                "-v" or "--verbose" when command == Command.Run => line with { Verbose = true },
                "--generated" when command == Command.Run => line with { ShowGenerated = true },
                "--signature" when command == Command.Minimize => line with { Signature = Value() },
                "--out" when command == Command.Minimize => line with { Output = Value() },
                _ when arg.StartsWith('-') => throw new FormatException($"unknown option '{arg}' for {args[0]}"),
                _ when command is Command.Run or Command.Minimize => AddFile(line, files, arg),
                _ => throw new FormatException($"{args[0]} takes no file ('{arg}')"),
            };
        }

        return command switch
        {
            Command.Run when files.Count == 0 => throw new FormatException("run needs at least one case file"),
            Command.Minimize when files.Count != 1 => throw new FormatException("min takes exactly one case file"),
            Command.Worker when line.WorkerSeconds == 0 => throw new FormatException("worker needs --seconds"),
            _ => line,
        };
    }

    private static CommandLine AddFile(CommandLine line, List<string> files, string file)
    {
        files.Add(file);
        return line;
    }

    private static double Positive(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0
            ? value
            : throw new FormatException($"{option} must be a positive number, not '{text}'");

    private static int NonNegativeInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"{option} must be a non-negative integer, not '{text}'");
}
