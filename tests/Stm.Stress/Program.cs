using System;
using System.Diagnostics;
using System.Globalization;

namespace Stm.Stress;

/// <summary>
/// Entry point. One scenario runs in this process; <c>all</c> runs every scenario in a process of its own, because
/// <see cref="StmOptions.SegmentCount"/> is fixed by the first transaction, some scenarios change runtime internals
/// by reflection (<see cref="RuntimeKnobs"/>), and the wake-up scenarios leave blocked threads behind.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }

        switch (command.Kind)
        {
            case CommandKind.List:
                Console.WriteLine(CommandLine.List());
                return 0;
            case CommandKind.RunAll:
                return AllRunner.Run(command);
            case CommandKind.RunOne:
                return RunOne(command);
            default:
                if (args.Length == 0)
                {
                    Console.Error.WriteLine(CommandLine.Usage); // nothing to run
                    return 2;
                }

                Console.WriteLine(CommandLine.Usage);
                return 0;
        }
    }

    private static int RunOne(CommandLine command)
    {
        Scenario scenario = command.Scenario!;
        ScenarioSettings settings = command.Settings;

        // Both must be set before the first transaction of the process (SegmentCount is frozen by it).
        if (command.SegmentCount is int segments)
        {
            StmOptions.SegmentCount = segments;
        }

        if (command.InevitableAfterConflicts is int inevitable)
        {
            StmOptions.InevitableAfterConflicts = inevitable;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {scenario.Name} seconds={settings.Seconds} workers={(scenario.WorkersMeaning is null ? "-" : settings.Workers)} size={(scenario.SizeMeaning is null ? "-" : settings.Size)} " +
            $"gc={settings.Gc} churn={(scenario.UsesChurn ? settings.Churn : "-")} segments={StmOptions.SegmentCount} inevitableAfter={StmOptions.InevitableAfterConflicts} " +
            $"flags=[{string.Join(",", settings.Flags)}] cores={Environment.ProcessorCount}"));
        Console.WriteLine("   " + scenario.Invariant);

        var clock = Stopwatch.StartNew();
        ScenarioResult result;
        try
        {
            result = scenario.Run(settings);
        }
        catch (Exception ex)
        {
            // The scenario's own thread failed (a check outside any worker, or a runtime internal it adjusts is gone).
            Harness.Violation($"scenario {scenario.Name} threw: {ex}");
            result = new ScenarioResult(0, "(aborted)");
        }

        Harness.RequestStop(); // scenarios that do not use Harness.RunFor still have helper threads (gc) to stop
        double elapsed = clock.Elapsed.TotalSeconds;

        Console.WriteLine(result.Summary);
        Console.WriteLine($"statistics: {Atomic.Statistics}");
        long violations = Harness.Violations;
        if (violations > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"violations ({violations}{(violations > Harness.MaxRecorded ? $", first {Harness.MaxRecorded} shown" : string.Empty)}):"));
            foreach (string message in Harness.Messages)
            {
                Console.WriteLine("  " + message);
            }
        }

        // The line AllRunner parses.
        Console.WriteLine(ResultLine.Format(scenario.Name, elapsed, result.Ops, violations));
        return violations == 0 ? 0 : 1;
    }
}
