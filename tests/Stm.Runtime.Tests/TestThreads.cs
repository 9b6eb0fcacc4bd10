using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;

namespace Stm.Runtime.Tests;

/// <summary>Runs real threads and rethrows the first failure of any of them on the calling thread.</summary>
internal static class TestThreads
{
    /// <summary>Starts <paramref name="count"/> threads running <paramref name="work"/>(index) and joins them.</summary>
    public static void Run(int count, Action<int> work)
    {
        var failures = new ConcurrentQueue<Exception>();
        Thread[] threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                work(i);
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })
        { IsBackground = true, Name = "stm-test-" + i }).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            if (!thread.Join(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"Thread {thread.Name} did not finish within 60 s (deadlock or livelock?).");
            }
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }
    }

    /// <summary>Starts a background thread whose failure is reported by the returned join action.</summary>
    public static Action Start(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        { IsBackground = true };
        thread.Start();
        return () =>
        {
            if (!thread.Join(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException("A helper thread did not finish within 60 s (deadlock or livelock?).");
            }

            if (failure is not null)
            {
                throw new AggregateException(failure);
            }
        };
    }
}
