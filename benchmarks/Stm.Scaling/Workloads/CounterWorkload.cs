using System.Collections.Generic;
using System.Linq;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>counter</c>: every transaction increments one shared counter, the worst case for optimistic concurrency.
/// Invariant: the counter equals the number of committed transactions.
/// </summary>
/// <remarks>
/// TCOUNTER: this variant uses a plain transactional counter object (every pair of concurrent increments
/// conflicts). When <c>Stm.Collections.TCounter</c> exists, add a <c>counter-tcounter</c> workload here: the same
/// body calling <c>TCounter.Add(1)</c> in the stm variant (the plain and lock variants stay as they are), register it
/// in <see cref="WorkloadCatalog"/>, and its target (2 threads ≥ 1.5x one thread) in <c>Harness/TargetCheck.cs</c>.
/// </remarks>
internal sealed class CounterWorkload : Workload
{
    private Plain.Counter? _plain;
    private Model.Counter? _stm;

    public override IReadOnlyList<Worker> Setup(bool transactional, int threads)
    {
        var workers = new Worker[threads];
        if (transactional)
        {
            _stm = new Model.Counter();
        }
        else
        {
            _plain = new Plain.Counter();
        }

        for (int i = 0; i < threads; i++)
        {
            workers[i] = transactional ? new StmWorker(i, _stm!) : new PlainWorker(i, _plain!);
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long value = _stm is not null ? _stm.Value : _plain!.Value;
        long committed = workers.Sum(w => w.Op);
        return value == committed ? null : $"the counter is {value}, {committed} increments committed";
    }

    private sealed class PlainWorker(int index, Plain.Counter counter) : Worker(index)
    {
        public override void Body() => counter.Value++;
    }

    private sealed class StmWorker(int index, Model.Counter counter) : Worker(index)
    {
        public override void Body() => counter.Value++;
    }
}
