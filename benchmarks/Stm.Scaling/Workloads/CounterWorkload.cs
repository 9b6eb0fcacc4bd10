using System.Collections.Generic;
using System.Linq;
using Stm.Collections;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>counter</c>: every transaction increments one shared counter, the worst case for optimistic concurrency.
/// In the stm variant the counter is a transactional object (<c>counter</c>: every pair of concurrent increments
/// conflicts) or a <see cref="TCounter"/> (<c>counter-tcounter</c>: commutative adds that never conflict).
/// The plain and lock variants are the same for both rows: one plain field incremented.
/// Invariant: the counter equals the number of committed transactions.
/// </summary>
internal sealed class CounterWorkload(bool useTCounter) : Workload
{
    private Plain.Counter? _plain;
    private Model.Counter? _stm;
    private TCounter? _tcounter;

    public override IReadOnlyList<Worker> Setup(bool transactional, int threads)
    {
        var workers = new Worker[threads];
        if (!transactional)
        {
            _plain = new Plain.Counter();
        }
        else if (useTCounter)
        {
            _tcounter = new TCounter();
        }
        else
        {
            _stm = new Model.Counter();
        }

        for (int i = 0; i < threads; i++)
        {
            workers[i] = _plain is not null ? new PlainWorker(i, _plain)
                : _tcounter is not null ? new TCounterWorker(i, _tcounter)
                : new StmWorker(i, _stm!);
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long value = _plain?.Value ?? _tcounter?.Value ?? _stm!.Value;
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

    private sealed class TCounterWorker(int index, TCounter counter) : Worker(index)
    {
        public override void Body() => counter.Increment();
    }
}
