using System.Collections.Generic;
using System.Linq;
using Stm.Collections;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>counter</c>: every transaction increments one shared counter, the worst case for optimistic concurrency.
/// In the stm variant the counter is a transactional object (<c>counter</c>: every pair of concurrent increments
/// conflicts) or a <see cref="TCounter"/> (<c>counter-tcounter</c>: commutative adds that never conflict).
/// The langext peer likewise uses a LanguageExt <c>Ref</c>, read and written (<c>counter</c>) or incremented by
/// <c>Ref.Commute</c>, LanguageExt's commutative update (<c>counter-tcounter</c>, <see cref="Peer.CommutingCounter"/>).
/// The plain and lock variants are the same for both rows: one plain field incremented.
/// Invariant: the counter equals the number of committed transactions.
/// </summary>
internal sealed class CounterWorkload(bool useTCounter) : Workload
{
    private Plain.Counter? _plain;
    private Model.Counter? _stm;
    private TCounter? _tcounter;
    private Peer.Counter? _peer;
    private Peer.CommutingCounter? _commuting;

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        if (variant is Variant.Plain or Variant.Lock)
        {
            _plain = new Plain.Counter();
        }
        else if (variant == Variant.LangExt && useTCounter)
        {
            _commuting = new Peer.CommutingCounter();
        }
        else if (variant == Variant.LangExt)
        {
            _peer = new Peer.Counter();
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
                : _commuting is not null ? new CommutingWorker(i, _commuting)
                : _peer is not null ? new LangExtWorker(i, _peer)
                : _tcounter is not null ? new TCounterWorker(i, _tcounter)
                : new StmWorker(i, _stm!);
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long value = _plain?.Value ?? _tcounter?.Value ?? _commuting?.Value ?? _peer?.Value ?? _stm!.Value;
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

    private sealed class LangExtWorker(int index, Peer.Counter counter) : PeerWorker(index)
    {
        public override void Body() => counter.Value++;
    }

    private sealed class CommutingWorker(int index, Peer.CommutingCounter counter) : PeerWorker(index)
    {
        public override void Body() => counter.Increment();
    }
}
