using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>square</c>: each transaction computes a batch of 1,000 square roots and stores the result in the worker's own
/// cell. Pure computation with one private write: the cost of a transaction around real work.
/// Invariant: each cell counts exactly the worker's committed transactions and holds the last batch's result.
/// </summary>
internal sealed class SquareWorkload : Workload
{
    /// <inheritdoc/>
    /// <remarks>Yes: each worker writes only its own cell.</remarks>
    public override bool PlainIsThreadSafe => true;

    public const int RootsPerTransaction = 1000;
    private readonly List<Func<(long Count, double Value)>> _cells = [];

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        for (int i = 0; i < threads; i++)
        {
            if (variant == Variant.Stm)
            {
                var cell = new Model.ResultCell();
                workers[i] = new StmWorker(i, cell);
                _cells.Add(() => (cell.Count, cell.Value));
            }
            else if (variant == Variant.LangExt)
            {
                var cell = new Peer.ResultCell();
                workers[i] = new LangExtWorker(i, cell);
                _cells.Add(() => (cell.Count, cell.Value));
            }
            else
            {
                var cell = new Plain.ResultCell();
                workers[i] = new PlainWorker(i, cell);
                _cells.Add(() => (cell.Count, cell.Value));
            }
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        for (int i = 0; i < workers.Count; i++)
        {
            (long count, double value) = _cells[i]();
            if (count != workers[i].Op)
            {
                return $"worker {i}: its cell counts {count} batches, it committed {workers[i].Op}";
            }

            if (count > 0 && value != SquareRoots(count - 1))
            {
                return $"worker {i}: its cell holds {value}, the last batch gives {SquareRoots(count - 1)}";
            }
        }

        return null;
    }

    /// <summary>The kernel, out of line so that the JIT compiles it the same in every variant.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double SquareRoots(long batch)
    {
        double start = (double)(batch % 1_000_000) * RootsPerTransaction;
        double sum = 0;
        for (int i = 0; i < RootsPerTransaction; i++)
        {
            sum += Math.Sqrt(start + i);
        }

        return sum;
    }

    private sealed class PlainWorker(int index, Plain.ResultCell cell) : Worker(index)
    {
        public override void Body()
        {
            long count = cell.Count;
            cell.Value = SquareRoots(count);
            cell.Count = count + 1;
        }
    }

    private sealed class StmWorker(int index, Model.ResultCell cell) : Worker(index)
    {
        public override void Body()
        {
            long count = cell.Count;
            cell.Value = SquareRoots(count);
            cell.Count = count + 1;
        }
    }

    private sealed class LangExtWorker(int index, Peer.ResultCell cell) : PeerWorker(index)
    {
        public override void Body()
        {
            long count = cell.Count;
            cell.Value = SquareRoots(count);
            cell.Count = count + 1;
        }
    }
}
