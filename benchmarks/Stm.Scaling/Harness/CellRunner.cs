using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LanguageExt;
using Stm.Scaling.Workloads;
using static LanguageExt.Prelude;

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

        if (spec.Variant.IsPeer())
        {
            // A peer's crash on a thread of its own (e.g. a Ref finaliser) still names its exception in the table.
            AppDomain.CurrentDomain.UnhandledException += (_, e) =>
                Console.WriteLine(CellResult.FormatFailure(e.ExceptionObject.GetType().Name));
        }

        IReadOnlyList<Worker> workers = workload.Setup(spec.Variant, spec.Threads);
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
        long startRetries = Retries(workers);
        StmStatistics startStats = Atomic.Statistics;
        int startGen0 = GC.CollectionCount(0);
        TimeSpan startPause = GC.GetTotalPauseDuration();
        long startTicks = Stopwatch.GetTimestamp();

        control.Failed.Wait(TimeSpan.FromSeconds(options.Seconds));
        long endOps = Completed(workers);
        long endRetries = Retries(workers);
        StmStatistics stats = Atomic.Statistics.Since(startStats);
        double seconds = Stopwatch.GetElapsedTime(startTicks).TotalSeconds;
        int gen0 = GC.CollectionCount(0) - startGen0;
        double pause = (GC.GetTotalPauseDuration() - startPause).TotalSeconds;

        control.Stop = true;
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (control.Failure is not null)
        {
            Console.Error.WriteLine($"{spec}: a worker failed: {control.Failure}");
            if (spec.Variant.IsPeer())
            {
                Console.WriteLine(CellResult.FormatFailure(control.Failure is InvariantViolationException ? "invariant" : control.Failure.GetType().Name));
            }

            return 3;
        }

        string? violation = workload.Verify(workers);
        if (violation is not null)
        {
            Console.Error.WriteLine($"{spec}: invariant violated: {violation}");
            if (spec.Variant.IsPeer())
            {
                Console.WriteLine(CellResult.FormatFailure("invariant"));
            }

            return 4;
        }

        (long commits, long aborts) = (stats.Commits, stats.Aborts);
        if (spec.Variant == Variant.LangExt)
        {
            // LanguageExt keeps no statistics: the harness counts the attempts it re-ran after a conflict.
            commits = endOps - startOps;
            aborts = endRetries - startRetries;
        }

        Console.WriteLine(new CellResult(spec, endOps - startOps, seconds, commits, aborts)
        {
            Gen0Collections = gen0,
            GcPauseSeconds = pause,
        }.Format());
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

    /// <summary>The conflict re-runs of the peer workers (0 for our own variants).</summary>
    private static long Retries(IReadOnlyList<Worker> workers)
    {
        long total = 0;
        foreach (Worker worker in workers)
        {
            total += worker is PeerWorker peer ? Volatile.Read(ref peer.Retries) : 0;
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
                case Variant.LangExt:
                    RunLangExt((PeerWorker)worker, control);
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

    // The loops differ only in what wraps Body(); Op counts completed (committed) transactions.
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

    /// <summary>
    /// The peer: one <c>sync</c> per transaction, with serialisable isolation, the guarantee <c>Atomic.Run</c> gives
    /// (LanguageExt's default, snapshot isolation, validates only what a transaction writes: intset's inserts and
    /// removals at neighbouring nodes could lose each other). A <c>sync</c> re-runs the body on a conflict, up to
    /// 500 times, then throws
    /// <c>DeadlockException</c>. <see cref="PeerWorker.Prepare"/> runs before, outside the transaction.
    /// </summary>
    private static void RunLangExt(PeerWorker worker, RunControl control)
    {
        bool rerun = false;
        Func<Unit> attempt = () =>
        {
            if (rerun)
            {
                Volatile.Write(ref worker.Retries, worker.Retries + 1);
            }

            rerun = true;
            worker.Body();
            return unit;
        };
        while (!control.Stop)
        {
            rerun = false;
            worker.Prepare();
            sync(attempt, Isolation.Serialisable);
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
