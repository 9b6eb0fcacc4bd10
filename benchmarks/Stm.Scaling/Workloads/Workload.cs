using System.Collections.Generic;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// A benchmark workload, written three times with the same code: against plain classes (<c>Stm.Scaling.Plain</c>,
/// used by the <c>plain</c> and <c>lock</c> variants), against transactional classes (<c>Stm.Scaling.Model</c>,
/// used by <c>stm</c>) and against LanguageExt <c>Ref&lt;T&gt;</c> classes (<c>Stm.Scaling.Peer</c>, used by the
/// <c>langext</c> peer). One instance serves one cell (one process).
/// </summary>
internal abstract class Workload
{
    /// <summary>Builds the shared state and one worker per thread.</summary>
    /// <param name="variant">
    /// Which classes to build: plain ones for <see cref="Variant.Plain"/> and <see cref="Variant.Lock"/>,
    /// transactional ones for <see cref="Variant.Stm"/>, LanguageExt ones (workers derived from
    /// <see cref="PeerWorker"/>) for <see cref="Variant.LangExt"/>.
    /// </param>
    /// <param name="threads">The number of worker threads.</param>
    public abstract IReadOnlyList<Worker> Setup(Variant variant, int threads);

    /// <summary>
    /// Whether the plain code is safe on several threads without any synchronisation: each worker touches only
    /// its own objects, or only reads shared ones. Then the harness also runs <c>plain</c> at every thread count:
    /// the same code with no synchronisation at all, the most any variant can scale on this machine.
    /// </summary>
    public virtual bool PlainIsThreadSafe => false;

    /// <summary>
    /// Why the <c>langext</c> peer cannot run this workload as the stm variant does, or null if it can. The driver
    /// then plans no langext cell and the table prints <c>n/a</c> (an explicit <c>--cell</c> still runs it).
    /// </summary>
    public virtual string? PeerNotApplicable => null;

    /// <summary>Checks the workload's invariant after every worker stopped; returns what is wrong, or null.</summary>
    public abstract string? Verify(IReadOnlyList<Worker> workers);
}
