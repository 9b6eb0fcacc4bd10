using System.Collections.Generic;
using Stm.Scaling.Harness;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>richards</c>: Martin Richards' operating-system scheduler simulation (six tasks exchanging packets), one
/// independent instance per worker. Each transaction builds a system in transactional objects and runs it for
/// <see cref="RichardsConstants.Count"/> idle iterations, as the classic benchmark does per iteration; the worker's
/// cell records the run. Object-heavy, branchy code with many small property accesses. In the langext variant
/// the system is built just before the transaction, which LanguageExt requires (<see cref="PeerWorker.Prepare"/>).
/// Invariant: every run ends with the classic queue and hold counts; each cell counts its worker's commits.
/// </summary>
internal sealed class RichardsWorkload : Workload
{
    /// <inheritdoc/>
    /// <remarks>Yes: each worker runs its own scheduler instance and writes only its own cell.</remarks>
    public override bool PlainIsThreadSafe => true;

    /// <inheritdoc/>
    /// <remarks>
    /// LanguageExt.Core 3.4.13 throws <see cref="System.ArgumentException"/> ("Key already exists in map") when a
    /// transaction writes the same <c>Ref</c> twice: it adds the id to an immutable set with <c>Add</c>, which
    /// rejects duplicates (LanguageExt made the set mutable in 3.5.63-beta and 4.0). The scheduler writes its
    /// current task and the tasks' states thousands of times per run, so every attempt fails at once, on one thread
    /// as on two. The port (<c>Peer/Richards</c>, <see cref="LangExtWorker"/>) is kept: <c>--cell
    /// richards:langext:1</c> shows the failure, and a later LanguageExt can run it.
    /// </remarks>
    public override string? PeerNotApplicable =>
        "LanguageExt 3.4.13 cannot write a Ref twice in one transaction (ArgumentException \"Key already exists in map\"); "
        + "the scheduler rewrites the same state thousands of times per run";

    private readonly List<Plain.ResultCell> _plainCells = [];
    private readonly List<Model.ResultCell> _stmCells = [];
    private readonly List<Peer.ResultCell> _peerCells = [];

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        for (int i = 0; i < threads; i++)
        {
            if (variant == Variant.Stm)
            {
                _stmCells.Add(new Model.ResultCell());
                workers[i] = new StmWorker(i, _stmCells[i]);
            }
            else if (variant == Variant.LangExt)
            {
                _peerCells.Add(new Peer.ResultCell());
                workers[i] = new LangExtWorker(i, _peerCells[i]);
            }
            else
            {
                _plainCells.Add(new Plain.ResultCell());
                workers[i] = new PlainWorker(i, _plainCells[i]);
            }
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        for (int i = 0; i < workers.Count; i++)
        {
            long count = _stmCells.Count > 0 ? _stmCells[i].Count : _peerCells.Count > 0 ? _peerCells[i].Count : _plainCells[i].Count;
            if (count != workers[i].Op)
            {
                return $"worker {i}: its cell counts {count} runs, it committed {workers[i].Op}";
            }
        }

        return null;
    }

    private static void Check(long queueCount, long holdCount)
    {
        if (queueCount != ExpectedQueueCount || holdCount != ExpectedHoldCount)
        {
            throw new InvariantViolationException(
                $"a run ended with queue count {queueCount} and hold count {holdCount}, expected {ExpectedQueueCount} and {ExpectedHoldCount}");
        }
    }

    private sealed class PlainWorker(int index, Plain.ResultCell cell) : Worker(index)
    {
        public override void Body()
        {
            Plain.Richards.Scheduler scheduler = Plain.Richards.Scheduler.RunOnce(Count);
            Check(scheduler.QueueCount, scheduler.HoldCount);
            cell.Count++;
        }
    }

    private sealed class StmWorker(int index, Model.ResultCell cell) : Worker(index)
    {
        public override void Body()
        {
            Model.Richards.Scheduler scheduler = Model.Richards.Scheduler.RunOnce(Count);
            Check(scheduler.QueueCount, scheduler.HoldCount);
            cell.Count++;
        }
    }

    private sealed class LangExtWorker(int index, Peer.ResultCell cell) : PeerWorker(index)
    {
        private Peer.Richards.Scheduler? _scheduler;

        /// <summary>Builds the system (the stm worker builds it inside its transaction, in <c>RunOnce</c>).</summary>
        public override void Prepare() => _scheduler = new Peer.Richards.Scheduler(Count);

        public override void Body()
        {
            Peer.Richards.Scheduler scheduler = _scheduler!;
            scheduler.Schedule();
            Check(scheduler.QueueCount, scheduler.HoldCount);
            cell.Count++;
        }
    }
}
