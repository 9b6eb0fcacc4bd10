using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Stm.Scaling.Workloads;

namespace Stm.Scaling.Harness;

/// <summary>
/// Runs one cell inside this (fresh) process: set-up, worker threads, warm-up, a measured interval of fixed wall
/// time, then the invariant check. Prints the <see cref="CellResult"/> line; returns the process exit code.
/// </summary>
internal static class CellRunner
{
    public static int Run(CellSpec spec, HarnessOptions options)
    {
        Workload workload = WorkloadCatalog.Create(spec.Workload);
        if (spec.Variant == Variant.Plain && spec.Threads != 1 && !workload.PlainIsThreadSafe)
        {
            Console.Error.WriteLine($"the plain variant has no synchronisation: {spec.Workload} runs it on one thread only");
            return 2;
        }

        IReadOnlyList<Worker> workers = workload.Setup(spec.Variant == Variant.Stm, spec.Threads);
        var control = new RunControl();
        var threads = new Thread[workers.Count];
        for (int i = 0; i < threads.Length; i++)
        {
            Worker worker = workers[i];
            threads[i] = new Thread(() => Loop(spec.Variant, worker, control)) { IsBackground = true, Name = $"worker {i}" };
            threads[i].Start();
        }

        control.Failed.Wait(TimeSpan.FromSeconds(options.Warmup));
        long startOps = Completed(workers);
        StmStatistics startStats = Atomic.Statistics;
        long startTicks = Stopwatch.GetTimestamp();

        control.Failed.Wait(TimeSpan.FromSeconds(options.Seconds));
        long endOps = Completed(workers);
        StmStatistics stats = Atomic.Statistics.Since(startStats);
        double seconds = Stopwatch.GetElapsedTime(startTicks).TotalSeconds;

        control.Stop = true;
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (control.Failure is not null)
        {
            Console.Error.WriteLine($"{spec}: a worker failed: {control.Failure}");
            return 3;
        }

        string? violation = workload.Verify(workers);
        if (violation is not null)
        {
            Console.Error.WriteLine($"{spec}: invariant violated: {violation}");
            return 4;
        }

        Console.WriteLine(new CellResult(spec, endOps - startOps, seconds, stats.Commits, stats.Aborts).Format());
        return 0;
    }

    private static long Completed(IReadOnlyList<Worker> workers)
    {
        long total = 0;
        foreach (Worker worker in workers)
        {
            total += Volatile.Read(ref worker.Op);
        }

        return total;
    }

    private static void Loop(Variant variant, Worker worker, RunControl control)
    {
        try
        {
            switch (variant)
            {
                case Variant.Plain:
                    RunPlain(worker, control);
                    break;
                case Variant.Lock:
                    RunLocked(worker, control);
                    break;
                default:
                    RunStm(worker, control);
                    break;
            }
        }
#pragma warning disable CA1031 // Any exception from a workload fails the cell; it is reported, not swallowed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            control.Fail(ex);
        }
    }

    // The three loops differ only in what wraps Body(); Op counts completed (committed) transactions.
    private static void RunPlain(Worker worker, RunControl control)
    {
        while (!control.Stop)
        {
            worker.Body();
            Volatile.Write(ref worker.Op, worker.Op + 1);
        }
    }

    private static void RunLocked(Worker worker, RunControl control)
    {
        object gate = control.GlobalLock;
        while (!control.Stop)
        {
            lock (gate)
            {
                worker.Body();
            }

            Volatile.Write(ref worker.Op, worker.Op + 1);
        }
    }

    private static void RunStm(Worker worker, RunControl control)
    {
        Action body = worker.Body;
        while (!control.Stop)
        {
            Atomic.Run(body);
            Volatile.Write(ref worker.Op, worker.Op + 1);
        }
    }

    /// <summary>State shared by the driver thread and the workers of one cell.</summary>
    private sealed class RunControl
    {
        private volatile bool _stop;
        private Exception? _failure;

        /// <summary>The one lock of the <c>lock</c> variant (the GIL).</summary>
        public object GlobalLock { get; } = new();

        public ManualResetEventSlim Failed { get; } = new();

        public bool Stop
        {
            get => _stop;
            set => _stop = value;
        }

        public Exception? Failure => Volatile.Read(ref _failure);

        public void Fail(Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
            _stop = true;
            Failed.Set();
        }
    }
}
