using System;
using Stm.Scaling.Harness;

namespace Stm.Scaling;

/// <summary>
/// Entry point: as a driver (the default) it runs every requested cell in a fresh process and prints the markdown
/// table; with <c>--cell workload:variant:threads</c> it is one of those processes.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        HarnessOptions options;
        try
        {
            options = HarnessOptions.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(HarnessOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(HarnessOptions.Usage);
            return 0;
        }

        return options.Cell is CellSpec cell ? CellRunner.Run(cell, options) : Driver.Run(options);
    }
}
