using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>trees2</c>: each transaction builds its own 63-node tree, mutates every node (swaps its children, increments
/// its value), sums it, and stores the sum in the worker's cell. Allocation-heavy; in the stm variant every node is
/// fresh in the transaction; in the langext variant the tree is built just before the transaction, which
/// LanguageExt requires (<see cref="PeerWorker.Prepare"/>).
/// Invariant: every sum matches the arithmetic; each cell counts its worker's commits.
/// </summary>
internal sealed class Trees2Workload : Workload
{
    /// <inheritdoc/>
    /// <remarks>Yes: each worker builds its own tree and writes only its own cell.</remarks>
    public override bool PlainIsThreadSafe => true;

    public const int Depth = 6;
    private const int NodeCount = (1 << Depth) - 1;
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
            double last = _stmCells.Count > 0 ? _stmCells[i].Value : _peerCells.Count > 0 ? _peerCells[i].Value : _plainCells[i].Value;
            if (count != workers[i].Op)
            {
                return $"worker {i}: its cell counts {count} trees, it committed {workers[i].Op}";
            }

            if (count > 0 && last != Expected(count - 1))
            {
                return $"worker {i}: last sum {last}, expected {Expected(count - 1)}";
            }
        }

        return null;
    }

    /// <summary>The sum of tree number <paramref name="op"/> after the mutation: values op..op+62, each incremented.</summary>
    private static long Expected(long op) => (NodeCount * op) + ((NodeCount - 1) * NodeCount / 2) + NodeCount;

    private static Plain.TreeNode? BuildPlain(int depth, long first, ref int next)
    {
        if (depth == 0)
        {
            return null;
        }

        Plain.TreeNode? left = BuildPlain(depth - 1, first, ref next);
        Plain.TreeNode? right = BuildPlain(depth - 1, first, ref next);
        return new Plain.TreeNode(first + next++, left, right);
    }

    private static Model.TreeNode? BuildModel(int depth, long first, ref int next)
    {
        if (depth == 0)
        {
            return null;
        }

        Model.TreeNode? left = BuildModel(depth - 1, first, ref next);
        Model.TreeNode? right = BuildModel(depth - 1, first, ref next);
        return new Model.TreeNode(first + next++, left, right);
    }

    private static Peer.TreeNode? BuildPeer(int depth, long first, ref int next)
    {
        if (depth == 0)
        {
            return null;
        }

        Peer.TreeNode? left = BuildPeer(depth - 1, first, ref next);
        Peer.TreeNode? right = BuildPeer(depth - 1, first, ref next);
        return new Peer.TreeNode(first + next++, left, right);
    }

    private static void Mutate(Plain.TreeNode? node)
    {
        if (node is null)
        {
            return;
        }

        (node.Left, node.Right) = (node.Right, node.Left);
        node.Value++;
        Mutate(node.Left);
        Mutate(node.Right);
    }

    private static void Mutate(Model.TreeNode? node)
    {
        if (node is null)
        {
            return;
        }

        (node.Left, node.Right) = (node.Right, node.Left);
        node.Value++;
        Mutate(node.Left);
        Mutate(node.Right);
    }

    private static void Mutate(Peer.TreeNode? node)
    {
        if (node is null)
        {
            return;
        }

        (node.Left, node.Right) = (node.Right, node.Left);
        node.Value++;
        Mutate(node.Left);
        Mutate(node.Right);
    }

    private static long Sum(Plain.TreeNode? node) => node is null ? 0 : node.Value + Sum(node.Left) + Sum(node.Right);

    private static long Sum(Model.TreeNode? node) => node is null ? 0 : node.Value + Sum(node.Left) + Sum(node.Right);

    private static long Sum(Peer.TreeNode? node) => node is null ? 0 : node.Value + Sum(node.Left) + Sum(node.Right);

    private sealed class PlainWorker(int index, Plain.ResultCell cell) : Worker(index)
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public override void Body()
        {
            int next = 0;
            Plain.TreeNode root = BuildPlain(Depth, Op, ref next)!;
            Mutate(root);
            long sum = Sum(root);
            if (sum != Expected(Op))
            {
                throw new InvariantViolationException($"tree {Op} summed {sum}, expected {Expected(Op)}");
            }

            cell.Value = sum;
            cell.Count++;
        }
    }

    private sealed class StmWorker(int index, Model.ResultCell cell) : Worker(index)
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public override void Body()
        {
            int next = 0;
            Model.TreeNode root = BuildModel(Depth, Op, ref next)!;
            Mutate(root);
            long sum = Sum(root);
            if (sum != Expected(Op))
            {
                throw new InvariantViolationException($"tree {Op} summed {sum}, expected {Expected(Op)}");
            }

            cell.Value = sum;
            cell.Count++;
        }
    }

    private sealed class LangExtWorker(int index, Peer.ResultCell cell) : PeerWorker(index)
    {
        private Peer.TreeNode? _root;

        /// <summary>Builds tree <see cref="Worker.Op"/> (the stm worker builds it inside its transaction).</summary>
        public override void Prepare()
        {
            int next = 0;
            _root = BuildPeer(Depth, Op, ref next);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public override void Body()
        {
            Peer.TreeNode root = _root!;
            Mutate(root);
            long sum = Sum(root);
            if (sum != Expected(Op))
            {
                throw new InvariantViolationException($"tree {Op} summed {sum}, expected {Expected(Op)}");
            }

            cell.Value = sum;
            cell.Count++;
        }
    }
}
