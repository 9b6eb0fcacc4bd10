using System;
using System.Linq;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Stm.Benchmarks;

/// <summary>
/// Entry point. Every BenchmarkDotNet option works (<c>--filter '*'</c>, <c>--job short</c>, ...), plus:
/// <list type="bullet">
/// <item><c>--quick</c>: a short smoke run (1 launch, 1 warm-up, 3 iterations), not for publishing;</item>
/// <item><c>--memory [distinct] [rereads]</c>: the read-tracking memory table instead of timings.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "--memory")
        {
            int distinct = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
            long rereads = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 100_000_000;
            return MemoryReport.Run(distinct, rereads);
        }

        IConfig config = DefaultConfig.Instance;
        if (args.Contains("--quick"))
        {
            args = args.Where(a => a != "--quick").ToArray();
            config = config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithId("Quick"));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
