using System;

namespace Stm.Engine;

/// <summary>
/// Thrown out of a wait in <see cref="Atomic.Retry"/> when the worker pool running the task has failed
/// (<see cref="IRetryWaitObserver.Abandons"/>): no task starts any more, so the change the task waits for may never come.
/// The pool puts the task back where it came from (a <see cref="TransactionQueue"/> keeps it for the next run).
/// </summary>
internal sealed class WaitAbandonedException : Exception
{
    internal WaitAbandonedException()
        : base("A task waiting in Atomic.Retry() was given up because another task of its run threw. " +
               "This exception is part of Stm's control flow: the task was rolled back and is queued again.")
    {
    }
}
