using System.Collections.Generic;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>intset</c>: a set of ints as a sorted linked list (1,000 of the keys 0..1999 at the start); each transaction is
/// a lookup (90 %), an insert (5 %) or a remove (5 %) of a random key. Long read sets, real read-write conflicts.
/// Each worker counts its successful inserts minus removes in its own cell.
/// Invariant: the list is strictly sorted and within the key range, and its length is the initial size plus
/// every worker's net count.
/// </summary>
internal sealed class IntSetWorkload : Workload
{
    public const int KeyRange = 2000;
    public const int InitialSize = 1000;
    private Plain.ListNode? _plainHead;
    private Model.ListNode? _stmHead;
    private Peer.ListNode? _peerHead;
    private readonly List<Plain.Counter> _plainDeltas = [];
    private readonly List<Model.Counter> _stmDeltas = [];
    private readonly List<Peer.Counter> _peerDeltas = [];

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        if (variant == Variant.Stm)
        {
            Model.ListNode head = Atomic.Run(() =>
            {
                Model.ListNode? first = null;
                for (int key = (InitialSize - 1) * 2; key >= 0; key -= 2)
                {
                    first = new Model.ListNode(key, first);
                }

                return new Model.ListNode(int.MinValue, first);
            });
            _stmHead = head;
            for (int i = 0; i < threads; i++)
            {
                _stmDeltas.Add(new Model.Counter());
                workers[i] = new StmWorker(i, head, _stmDeltas[i]);
            }
        }
        else if (variant == Variant.LangExt)
        {
            // Outside any transaction: creating a LanguageExt Ref publishes it with its initial value.
            Peer.ListNode? first = null;
            for (int key = (InitialSize - 1) * 2; key >= 0; key -= 2)
            {
                first = new Peer.ListNode(key, first);
            }

            Peer.ListNode head = new(int.MinValue, first);
            _peerHead = head;
            for (int i = 0; i < threads; i++)
            {
                _peerDeltas.Add(new Peer.Counter());
                workers[i] = new LangExtWorker(i, head, _peerDeltas[i]);
            }
        }
        else
        {
            Plain.ListNode? first = null;
            for (int key = (InitialSize - 1) * 2; key >= 0; key -= 2)
            {
                first = new Plain.ListNode(key, first);
            }

            Plain.ListNode head = new(int.MinValue, first);
            _plainHead = head;
            for (int i = 0; i < threads; i++)
            {
                _plainDeltas.Add(new Plain.Counter());
                workers[i] = new PlainWorker(i, head, _plainDeltas[i]);
            }
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long expected = InitialSize;
        var keys = new List<int>();
        if (_stmHead is not null)
        {
            _stmDeltas.ForEach(d => expected += d.Value);
            for (Model.ListNode? node = _stmHead.Next; node is not null; node = node.Next)
            {
                keys.Add(node.Key);
            }
        }
        else if (_peerHead is not null)
        {
            _peerDeltas.ForEach(d => expected += d.Value);
            for (Peer.ListNode? node = _peerHead.Next; node is not null; node = node.Next)
            {
                keys.Add(node.Key);
            }
        }
        else
        {
            _plainDeltas.ForEach(d => expected += d.Value);
            for (Plain.ListNode? node = _plainHead!.Next; node is not null; node = node.Next)
            {
                keys.Add(node.Key);
            }
        }

        for (int i = 0; i < keys.Count; i++)
        {
            if (keys[i] < 0 || keys[i] >= KeyRange || (i > 0 && keys[i] <= keys[i - 1]))
            {
                return $"the list is not a sorted set of keys in range at position {i} (key {keys[i]})";
            }
        }

        return keys.Count == expected ? null : $"the list holds {keys.Count} keys, the workers' counts say {expected}";
    }

    /// <summary>Transaction <paramref name="op"/>'s key and action: 0-89 lookup, even 90-99 insert, odd 90-99 remove.</summary>
    private static (int Key, int Action) Pick(ulong seed, long op)
    {
        ulong r = Mix.At(seed, op);
        return ((int)(r % KeyRange), (int)((r >> 32) % 100));
    }

    private sealed class PlainWorker(int index, Plain.ListNode head, Plain.Counter delta) : Worker(index)
    {
        private readonly ulong _seed = Mix.Seed(index);

        /// <summary>The last lookup's answer, kept so the lookup is not dead code.</summary>
        public bool LastFound { get; private set; }

        public override void Body()
        {
            (int key, int action) = Pick(_seed, Op);
            Plain.ListNode previous = head;
            Plain.ListNode? next = previous.Next;
            while (next is not null && next.Key < key)
            {
                previous = next;
                next = next.Next;
            }

            bool found = next is not null && next.Key == key;
            if (action < 90)
            {
                LastFound = found;
            }
            else if ((action & 1) == 0)
            {
                if (!found)
                {
                    previous.Next = new Plain.ListNode(key, next);
                    delta.Value++;
                }
            }
            else if (found)
            {
                previous.Next = next!.Next;
                delta.Value--;
            }
        }
    }

    private sealed class StmWorker(int index, Model.ListNode head, Model.Counter delta) : Worker(index)
    {
        private readonly ulong _seed = Mix.Seed(index);

        /// <summary>The last lookup's answer, kept so the lookup is not dead code.</summary>
        public bool LastFound { get; private set; }

        public override void Body()
        {
            (int key, int action) = Pick(_seed, Op);
            Model.ListNode previous = head;
            Model.ListNode? next = previous.Next;
            while (next is not null && next.Key < key)
            {
                previous = next;
                next = next.Next;
            }

            bool found = next is not null && next.Key == key;
            if (action < 90)
            {
                LastFound = found;
            }
            else if ((action & 1) == 0)
            {
                if (!found)
                {
                    previous.Next = new Model.ListNode(key, next);
                    delta.Value++;
                }
            }
            else if (found)
            {
                previous.Next = next!.Next;
                delta.Value--;
            }
        }
    }

    private sealed class LangExtWorker(int index, Peer.ListNode head, Peer.Counter delta) : PeerWorker(index)
    {
        private readonly ulong _seed = Mix.Seed(index);

        /// <summary>The last lookup's answer, kept so the lookup is not dead code.</summary>
        public bool LastFound { get; private set; }

        public override void Body()
        {
            (int key, int action) = Pick(_seed, Op);
            Peer.ListNode previous = head;
            Peer.ListNode? next = previous.Next;
            while (next is not null && next.Key < key)
            {
                previous = next;
                next = next.Next;
            }

            bool found = next is not null && next.Key == key;
            if (action < 90)
            {
                LastFound = found;
            }
            else if ((action & 1) == 0)
            {
                if (!found)
                {
                    previous.Next = new Peer.ListNode(key, next);
                    delta.Value++;
                }
            }
            else if (found)
            {
                previous.Next = next!.Next;
                delta.Value--;
            }
        }
    }
}
