using System.Collections.Generic;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>richards</c>: Martin Richards' operating-system scheduler simulation (six tasks exchanging packets), one
/// independent instance per worker. Each transaction builds a system in transactional objects and runs it for
/// <see cref="RichardsConstants.Count"/> idle iterations, as the classic benchmark does per iteration; the worker's
/// cell records the run. Object-heavy, branchy code with many small property accesses.
/// Invariant: every run ends with the classic queue and hold counts; each cell counts its worker's commits.
/// </summary>
internal sealed class RichardsWorkload : Workload
{
    /// <inheritdoc/>
    /// <remarks>Yes: each worker runs its own scheduler instance and writes only its own cell.</remarks>
    public override bool PlainIsThreadSafe => true;

    private readonly List<Plain.ResultCell> _plainCells = [];
    private readonly List<Model.ResultCell> _stmCells = [];

    public override IReadOnlyList<Worker> Setup(bool transactional, int threads)
    {
        var workers = new Worker[threads];
        for (int i = 0; i < threads; i++)
        {
            if (transactional)
            {
                _stmCells.Add(new Model.ResultCell());
                workers[i] = new StmWorker(i, _stmCells[i]);
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
            long count = _stmCells.Count > 0 ? _stmCells[i].Count : _plainCells[i].Count;
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
}
