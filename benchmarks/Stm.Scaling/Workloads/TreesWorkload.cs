using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Stm.Scaling.Harness;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>trees</c>: read-only transactions, each a full walk of one shared binary tree of depth 16 (65,535 nodes)
/// summing its values. Measures the read barrier's first-read path and read-set size; conflict-free.
/// Invariant: every walk and the final tree give the sum of the values the tree was built with.
/// </summary>
internal sealed class TreesWorkload : Workload
{
    /// <inheritdoc/>
    /// <remarks>Yes: the workers only read the shared tree.</remarks>
    public override bool PlainIsThreadSafe => true;

    public const int Depth = 16;
    private const long NodeCount = (1L << Depth) - 1;
    private const long ExpectedSum = NodeCount * (NodeCount + 1) / 2;
    private Plain.TreeNode? _plainRoot;
    private Model.TreeNode? _stmRoot;
    private Peer.TreeNode? _peerRoot;

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        if (variant == Variant.Stm)
        {
            long next = 1;
            _stmRoot = Atomic.Run(() => BuildStm(Depth, ref next));
            for (int i = 0; i < threads; i++)
            {
                workers[i] = new StmWorker(i, _stmRoot!);
            }
        }
        else if (variant == Variant.LangExt)
        {
            // Outside any transaction: creating a LanguageExt Ref publishes it with its initial value.
            long next = 1;
            _peerRoot = BuildPeer(Depth, ref next);
            for (int i = 0; i < threads; i++)
            {
                workers[i] = new LangExtWorker(i, _peerRoot!);
            }
        }
        else
        {
            long next = 1;
            _plainRoot = BuildPlain(Depth, ref next);
            for (int i = 0; i < threads; i++)
            {
                workers[i] = new PlainWorker(i, _plainRoot!);
            }
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long sum = _stmRoot is not null ? Atomic.Run(() => Sum(_stmRoot))
            : _peerRoot is not null ? sync(() => Sum(_peerRoot))
            : Sum(_plainRoot);
        return sum == ExpectedSum ? null : $"the tree sums to {sum}, expected {ExpectedSum}";
    }

    // Values are numbered in post-order from 1, so the sum is n(n+1)/2.
    private static Plain.TreeNode? BuildPlain(int depth, ref long next)
    {
        if (depth == 0)
        {
            return null;
        }

        Plain.TreeNode? left = BuildPlain(depth - 1, ref next);
        Plain.TreeNode? right = BuildPlain(depth - 1, ref next);
        return new Plain.TreeNode(next++, left, right);
    }

    private static Model.TreeNode? BuildStm(int depth, ref long next)
    {
        if (depth == 0)
        {
            return null;
        }

        Model.TreeNode? left = BuildStm(depth - 1, ref next);
        Model.TreeNode? right = BuildStm(depth - 1, ref next);
        return new Model.TreeNode(next++, left, right);
    }

    private static Peer.TreeNode? BuildPeer(int depth, ref long next)
    {
        if (depth == 0)
        {
            return null;
        }

        Peer.TreeNode? left = BuildPeer(depth - 1, ref next);
        Peer.TreeNode? right = BuildPeer(depth - 1, ref next);
        return new Peer.TreeNode(next++, left, right);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Sum(Plain.TreeNode? node) => node is null ? 0 : node.Value + Sum(node.Left) + Sum(node.Right);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Sum(Model.TreeNode? node) => node is null ? 0 : node.Value + Sum(node.Left) + Sum(node.Right);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Sum(Peer.TreeNode? node) => node is null ? 0 : node.Value + Sum(node.Left) + Sum(node.Right);

    private sealed class PlainWorker(int index, Plain.TreeNode root) : Worker(index)
    {
        public override void Body()
        {
            long sum = Sum(root);
            if (sum != ExpectedSum)
            {
                throw new InvariantViolationException($"a walk summed {sum}, expected {ExpectedSum}");
            }
        }
    }

    private sealed class StmWorker(int index, Model.TreeNode root) : Worker(index)
    {
        public override void Body()
        {
            long sum = Sum(root);
            if (sum != ExpectedSum)
            {
                throw new InvariantViolationException($"a walk summed {sum}, expected {ExpectedSum}");
            }
        }
    }

    private sealed class LangExtWorker(int index, Peer.TreeNode root) : PeerWorker(index)
    {
        public override void Body()
        {
            long sum = Sum(root);
            if (sum != ExpectedSum)
            {
                throw new InvariantViolationException($"a walk summed {sum}, expected {ExpectedSum}");
            }
        }
    }
}
