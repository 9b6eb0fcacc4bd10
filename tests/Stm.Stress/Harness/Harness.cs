using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// What every scenario shares: the stop flag, the violation log, and threads that turn an escaped exception into a
/// violation. Static because a process runs exactly one scenario (<c>all</c> starts one process per scenario), and the
/// scenarios' lambdas read the stop flag on every iteration.
/// </summary>
internal static class Harness
{
    /// <summary>Violations recorded in full; the rest are only counted, and the run stops early at this many.</summary>
    public const int MaxRecorded = 30;

    private static readonly ConcurrentQueue<string> s_messages = new();
    private static volatile bool s_stop;
    private static long s_violations;

    /// <summary>Set when the run's time is up (or too many violations); every scenario thread polls it.</summary>
    public static bool Stop => s_stop;

    public static long Violations => Interlocked.Read(ref s_violations);

    /// <summary>The recorded violation messages, oldest first.</summary>
    public static IEnumerable<string> Messages => s_messages;

    public static void RequestStop() => s_stop = true;

    /// <summary>Records a broken invariant. Printed to standard error at once (so a hang after it is still explained) and listed at the end.</summary>
    public static void Violation(string message)
    {
        long n = Interlocked.Increment(ref s_violations);
        if (n <= MaxRecorded)
        {
            string stamped = string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss.fff}] thread {Thread.CurrentThread.Name ?? Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture)}: {message}");
            s_messages.Enqueue(stamped);
            Console.Error.WriteLine("VIOLATION: " + message);
        }
    }

    /// <summary>
    /// Records a violation seen inside a transaction and returns the exception to throw, so that the attempt rolls
    /// back instead of committing work built on the inconsistent state it saw: <c>throw Harness.Fail("...")</c>.
    /// </summary>
    public static ViolationException Fail(string message)
    {
        Violation(message);
        return new ViolationException(message);
    }

    /// <summary>Starts a background thread; an exception escaping <paramref name="body"/> is a violation (the thread then ends).</summary>
    public static Thread Start(string name, Action body)
    {
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (ViolationException)
            {
                // Already recorded where it was seen; the thread stops so that it does not pile up copies of it.
                Console.Error.WriteLine($"thread {name} stopped after a violation");
            }
            catch (Exception ex)
            {
                Violation($"thread {name} died: {ex}");
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    /// <summary>
    /// Lets the threads run for <paramref name="seconds"/> (less if violations pile up), then stops and joins them.
    /// A thread that does not stop within a minute is reported as a hang (it is a background thread: the process
    /// still exits).
    /// </summary>
    public static void RunFor(int seconds, IEnumerable<Thread> threads)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds && Violations < MaxRecorded)
        {
            Thread.Sleep(200);
        }

        RequestStop();
        foreach (Thread thread in threads)
        {
            if (!thread.Join(TimeSpan.FromSeconds(60)))
            {
                Violation($"thread {thread.Name} did not stop within 60 s of the stop request (hang?)");
            }
        }
    }

    /// <summary>
    /// Forces collections of random generations, compacting or not, every few milliseconds: the runtime keeps
    /// private copies, pools and reservations that collections (and the copy trimmer they trigger) must not break.
    /// </summary>
    public static Thread GcThread(int maxSleepMilliseconds) => Start("gc", () =>
    {
        var random = new Random();
        while (!Stop)
        {
            GC.Collect(random.Next(3), GCCollectionMode.Forced, blocking: random.Next(2) == 0);
            Thread.Sleep(random.Next(maxSleepMilliseconds + 1));
        }
    });

    /// <summary>
    /// Short-lived threads, one after another, each running a random number (below <paramref name="perThread"/>) of
    /// <paramref name="transaction"/> with random pauses: segments are reserved, released by dying threads and
    /// revoked far more often than by long-lived workers.
    /// </summary>
    public static Thread Churn(string name, Action<Random> transaction, int perThread) => Start(name, () =>
    {
        var random = new Random();
        while (!Stop)
        {
            var shortLived = new Thread(() =>
            {
                try
                {
                    var r = new Random();
                    int count = r.Next(1, perThread);
                    for (int i = 0; i < count && !Stop; i++)
                    {
                        transaction(r);
                        if (r.Next(50) == 0)
                        {
                            Thread.Sleep(r.Next(3));
                        }
                    }
                }
                catch (ViolationException)
                {
                    // Already recorded.
                }
                catch (Exception ex)
                {
                    Violation($"churn thread of {name} died: {ex}");
                }
            })
            { IsBackground = true, Name = name + "-short" };
            shortLived.Start();
            shortLived.Join();
            if (random.Next(4) == 0)
            {
                Thread.Sleep(random.Next(20));
            }
        }
    });
}

/// <summary>Thrown by <see cref="Harness.Fail"/> out of a transaction body that saw a broken invariant (already recorded).</summary>
internal sealed class ViolationException : Exception
{
    public ViolationException()
    {
    }

    public ViolationException(string message)
        : base(message)
    {
    }

    public ViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
