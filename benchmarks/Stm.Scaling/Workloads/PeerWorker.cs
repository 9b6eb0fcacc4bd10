namespace Stm.Scaling.Workloads;

/// <summary>
/// A worker of the <c>langext</c> peer variant: the harness runs <see cref="Worker.Body"/> inside LanguageExt's
/// <c>Prelude.sync</c>, after <see cref="Prepare"/>, and counts the re-runs so that it can report LanguageExt's
/// conflict retries (the library keeps no statistics of its own).
/// </summary>
internal abstract class PeerWorker(int index) : Worker(index)
{
    /// <summary>
    /// Attempts of <see cref="Worker.Body"/> that LanguageExt re-ran after a conflict (every attempt but a
    /// transaction's first); written by the worker's thread only.
    /// </summary>
    public long Retries;

    /// <summary>
    /// Runs before each transaction, outside it. Workloads whose stm transaction allocates its own objects
    /// (trees2, richards) allocate them here: LanguageExt cannot read or write a <c>Ref</c> in the transaction
    /// that created it (its snapshot, taken when the transaction starts, does not hold the new <c>Ref</c>: the
    /// access throws <see cref="System.ArgumentException"/> "Key doesn't exist in map"), and creating a
    /// <c>Ref</c> is never transactional in LanguageExt anyway (it is published to every thread at once).
    /// An attempt that is retried sees these objects as they were created: its writes were discarded.
    /// </summary>
    public virtual void Prepare()
    {
    }
}
