namespace Stm.Engine;

/// <summary>
/// Told when the calling thread starts and stops waiting in <see cref="Atomic.Retry"/> (see <see cref="RetryGate.WaitObserver"/>):
/// a pool of worker threads hands a waiting thread's place to another (<see cref="TransactionWorkers{TTask}"/>).
/// </summary>
internal interface IRetryWaitObserver
{
    /// <summary>The thread is about to wait until something its transaction read changes.</summary>
    void Waiting();

    /// <summary>The thread has stopped waiting and re-runs its transaction (or gives it up: <see cref="Abandons"/>).</summary>
    void Resumed();

    /// <summary>Whether a waiting task should give up its wait (<see cref="WaitAbandonedException"/>): its pool has failed.</summary>
    bool Abandons { get; }
}
