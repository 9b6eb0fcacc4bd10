using System;

namespace Stm.Engine;

/// <summary>
/// Thrown by <see cref="Atomic.Retry"/> to abandon the current attempt. Caught by <see cref="Atomic.OrElse(Action, Action)"/>
/// (which then runs its alternative) or by the top-level runner (which blocks until something read changes).
/// </summary>
internal sealed class RetryException : Exception
{
    internal RetryException()
        : base("Atomic.Retry() was called: the transaction waits until an object it read is changed. " +
               "This exception is part of Stm's control flow: do not catch it inside an atomic block.")
    {
    }
}
