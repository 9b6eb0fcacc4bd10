namespace Stm.Scaling.Workloads;

/// <summary>
/// One thread's side of a workload. The harness calls <see cref="Body"/> once per transaction (plainly, under the
/// global lock, inside <c>Atomic.Run</c>, or inside LanguageExt's <c>sync</c> for the peer) and increments
/// <see cref="Op"/> after it returns (commits).
/// </summary>
/// <remarks>
/// A body derives its inputs from <see cref="Op"/> (not from state it advances itself), so an attempt that is
/// aborted and re-run repeats exactly the same transaction.
/// </remarks>
internal abstract class Worker
{
#pragma warning disable CS0169, IDE0051 // Padding: keeps each worker's hot fields off the previous object's cache line.
    private readonly long _pad0, _pad1, _pad2, _pad3, _pad4, _pad5, _pad6, _pad7;
#pragma warning restore CS0169, IDE0051

    protected Worker(int index) => Index = index;

    /// <summary>The worker's number, 0 to threads - 1.</summary>
    public int Index { get; }

    /// <summary>The number of transactions this worker has completed; also the index of the one being run.</summary>
    public long Op;

#pragma warning disable CS0169, IDE0051 // Padding after Op (written every transaction): the runtime lays out a class's
    // longs in declaration order before its smaller and its subclasses' fields, so without these the next worker's
    // method-table pointer, read by every virtual Body() call on another core, could share Op's cache line.
    private readonly long _pad8, _pad9, _pad10, _pad11, _pad12, _pad13, _pad14, _pad15;
#pragma warning restore CS0169, IDE0051

    /// <summary>One transaction of the workload. Throws <see cref="InvariantViolationException"/> if it observes a broken invariant.</summary>
    public abstract void Body();
}
