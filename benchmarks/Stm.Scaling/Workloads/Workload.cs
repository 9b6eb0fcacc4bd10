using System.Collections.Generic;

namespace Stm.Scaling.Workloads;

/// <summary>
/// A benchmark workload, written twice: once against plain classes (<c>Stm.Scaling.Plain</c>, used by the
/// <c>plain</c> and <c>lock</c> variants) and once against transactional classes (<c>Stm.Scaling.Model</c>,
/// used by <c>stm</c>). One instance serves one cell (one process).
/// </summary>
internal abstract class Workload
{
    /// <summary>Builds the shared state and one worker per thread.</summary>
    /// <param name="transactional">Use the transactional classes (the <c>stm</c> variant).</param>
    /// <param name="threads">The number of worker threads.</param>
    public abstract IReadOnlyList<Worker> Setup(bool transactional, int threads);

    /// <summary>
    /// Whether the plain code is safe on several threads without any synchronisation: each worker touches only
    /// its own objects, or only reads shared ones. Then the harness also runs <c>plain</c> at every thread count:
    /// the same code with no synchronisation at all, the most any variant can scale on this machine.
    /// </summary>
    public virtual bool PlainIsThreadSafe => false;

    /// <summary>Checks the workload's invariant after every worker stopped; returns what is wrong, or null.</summary>
    public abstract string? Verify(IReadOnlyList<Worker> workers);
}
