using System;

namespace Stm.Engine;

/// <summary>Test seams of the worker pools (<see cref="TransactionWorkers{TTask}"/>): <see langword="null"/> in use.</summary>
internal static class WorkerSeams
{
    /// <summary>
    /// Called under a run's gate by a thread that found nothing to take, right before it announces itself as a sleeper.
    /// A test adds a task there, in the one window that the "announce, then look once more" order closes (a producer
    /// that adds then sees no sleeper and does not pulse).
    /// </summary>
    internal static Action? BeforeSleepAnnounced;
}
