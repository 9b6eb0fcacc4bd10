using System;
using System.IO;
using Stm.Fuzz.Fuzzing;
using Stm.Fuzz.Minimizing;
using Stm.Fuzz.Seeding;

namespace Stm.Fuzz;

/// <summary>Entry point: parses the command line and runs one command (README.md says what each does).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        CommandLine command;
        RepositoryLayout layout;
        try
        {
            command = CommandLine.Parse(args);
            if (command.Command == Command.Help)
            {
                Console.WriteLine(CommandLine.Usage);
                return 0;
            }

            layout = RepositoryLayout.Create(command.Repo, command.Work);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }

        Directory.CreateDirectory(layout.Work);
        try
        {
            return command.Command switch
            {
                Command.Seeds => SeedsCommand.Run(layout),
                Command.Fuzz when command.InProcess => FuzzInProcess(layout, command),
                Command.Fuzz => Supervisor.Run(layout, command.Minutes, command.Seed, command.HangSeconds),
                Command.Worker => Worker(layout, command),
                Command.Run => RunCommand.Run(layout, command.Files, command.Verbose, command.ShowGenerated),
                Command.Minimize => MinimizeCommand.Run(layout, command.Files[0], command.Signature, command.Output),
                _ => throw new InvalidOperationException("unhandled command " + command.Command),
            };
        }
        catch (Exception ex) when (ex is FormatException or FileNotFoundException or DirectoryNotFoundException)
        {
            // A malformed case file, a missing file: the user's to fix, worth a line rather than a stack trace.
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
    }

    /// <summary>A worker under the supervisor exits with 0 however much it found: any other exit code means it died.</summary>
    private static int Worker(RepositoryLayout layout, CommandLine command)
    {
        _ = FuzzWorker.Run(layout, command.WorkerSeconds, command.Seed);
        return 0;
    }

    private static int FuzzInProcess(RepositoryLayout layout, CommandLine command)
    {
        SeedsCommand.EnsureBaseline(layout);
        return FuzzWorker.Run(layout, command.Minutes * 60, command.Seed) == 0 ? 0 : 1;
    }
}
