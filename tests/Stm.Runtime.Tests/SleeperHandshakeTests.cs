using System;
using System.Threading;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The handshake between a <see cref="TransactionQueue"/> worker going to sleep and a task added from outside the run
/// (<see cref="TransactionWorkers{TTask}.TaskAdded"/>): the producer pulses only when it sees a sleeper, so a worker must
/// announce itself before it looks at the queue a last time. These tests add the task in exactly the window that order
/// closes, through a test seam; the random-timing test in <see cref="ParallelLoopTests"/> almost never hits it.
/// </summary>
[Collection(nameof(SleeperHandshakeTests))]
public class SleeperHandshakeTests
{
    /// <summary>
    /// The run's only task waits in <see cref="Atomic.Retry"/>; the thread that takes its place finds nothing, and just
    /// before it announces itself asleep the task the waiter needs is added (seeing no sleeper, the producer does not
    /// pulse). The thread must find it on its last look: nothing else would wake it, since the retry safety net is off.
    /// </summary>
    [Fact]
    public void A_task_added_just_before_a_worker_announces_its_sleep_is_still_run()
    {
        TimeSpan savedSafetyNet = RetryGate.SafetyNet;
        RetryGate.SafetyNet = Timeout.InfiniteTimeSpan; // a waiter re-running on a timer would start a thread that finds the task
        try
        {
            for (int round = 0; round < 20; round++)
            {
                var gate = new Account("gate", 0);
                var queue = new TransactionQueue();
                int added = 0;
                WorkerSeams.BeforeSleepAnnounced = () =>
                {
                    if (Interlocked.Exchange(ref added, 1) == 0)
                    {
                        queue.Add(() => gate.Balance = 1); // outside any transaction: queued at once, no sleeper to pulse
                    }
                };
                queue.Add(() =>
                {
                    if (gate.Balance == 0)
                    {
                        Atomic.Retry();
                    }
                });

                // With one place, the caller runs the waiting task and the thread that takes its place is the only one
                // that can reach the seam, after the task has started to wait.
                Action join = TestThreads.Start(() => queue.Run(maxParallelism: 1));
                join(); // joined within 60 s, or a TimeoutException: the worker slept through the added task
                Assert.Equal(1, Volatile.Read(ref added));
                Assert.Equal(1, gate.Balance);
                Assert.Equal(0, queue.PendingCount);
            }
        }
        finally
        {
            WorkerSeams.BeforeSleepAnnounced = null;
            RetryGate.SafetyNet = savedSafetyNet;
        }
    }
}

/// <summary>Runs <see cref="SleeperHandshakeTests"/> after the parallel tests, alone: its seam and the retry safety net are process-wide.</summary>
[CollectionDefinition(nameof(SleeperHandshakeTests), DisableParallelization = true)]
public class SleeperHandshakeCollection
{
}
