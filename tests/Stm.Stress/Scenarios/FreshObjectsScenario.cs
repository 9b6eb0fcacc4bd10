using System;
using System.Collections.Generic;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: objects allocated inside a transaction (fresh: no barriers, invisible to others) become ordinary shared
/// objects at commit, with the values they had. A sorted linked list with a stored count and payload sum: nodes are
/// allocated in the transaction or in nested blocks (fresh for the parent), spliced in, removed, some in nested blocks
/// that throw or in retried <c>OrElse</c> alternatives. Every node's payload is 3 × its key. Checked inside
/// transactions (sorted, no cycle, payloads, count and sum match) and at the end (length = committed inserts -
/// committed removes, counted by <c>OnCommit</c>).
/// </summary>
internal sealed partial class FreshObjectsScenario : Scenario
{
    public override string Name => "fresh";

    public override string Invariant => "a sorted list built from nodes allocated inside (nested) transactions stays sorted, with exact payloads, count and sum";

    public override string? SizeMeaning => "key range";

    public override int DefaultSize => 200;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int keyRange = settings.Size;
        var list = new SortedList();
        long inserts = 0, removes = 0, checks = 0, rolledBack = 0, transactions = 0;
        var threads = new List<Thread>();
        for (int w = 0; w < settings.Workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("fresh" + w, () =>
            {
                var r = new Random(seed + Environment.TickCount);
                while (!Harness.Stop)
                {
                    int k1 = r.Next(keyRange), k2 = r.Next(keyRange), k3 = r.Next(keyRange);
                    int op = r.Next(8);
                    Atomic.Run(() =>
                    {
                        switch (op)
                        {
                            case 0:
                            case 1:
                                if (Insert(list, k1, nestedAllocation: op == 1))
                                {
                                    Atomic.OnCommit(() => Interlocked.Increment(ref inserts));
                                }

                                break;
                            case 2:
                            case 3:
                                if (Remove(list, k1))
                                {
                                    Atomic.OnCommit(() => Interlocked.Increment(ref removes));
                                }

                                break;
                            case 4:
                            {
                                // Insert; a nested block inserts another and removes the first, then throws; insert a third.
                                bool first = Insert(list, k1, nestedAllocation: false);
                                try
                                {
                                    Atomic.Run(() =>
                                    {
                                        Insert(list, k2, nestedAllocation: true);
                                        Remove(list, k1);
                                        throw new InvalidOperationException();
                                    });
                                }
                                catch (InvalidOperationException)
                                {
                                    Atomic.OnCommit(() => Interlocked.Increment(ref rolledBack));
                                }

                                if (r.Next(4) == 0 && Validate(list, out _, out _) is string problem)
                                {
                                    throw Harness.Fail("after a nested rollback: " + problem);
                                }

                                bool third = Insert(list, k3, nestedAllocation: true);
                                int added = (first ? 1 : 0) + (third ? 1 : 0);
                                Atomic.OnCommit(() => Interlocked.Add(ref inserts, added));
                                break;
                            }

                            case 5:
                            {
                                // A run of keys, each inserted directly or from a nested block, with nodes allocated at either level.
                                int lo = Math.Min(k1, k2), hi = Math.Min(Math.Max(k1, k2), lo + 20);
                                int added = 0;
                                for (int k = lo; k <= hi; k += 3)
                                {
                                    int key = k;
                                    bool nestedAllocation = r.Next(2) == 0;
                                    bool inserted = r.Next(2) == 0
                                        ? Atomic.Run(() => Insert(list, key, nestedAllocation))
                                        : Insert(list, key, nestedAllocation: false);
                                    if (inserted)
                                    {
                                        added++;
                                    }
                                }

                                Atomic.OnCommit(() => Interlocked.Add(ref inserts, added));
                                break;
                            }

                            case 6:
                            {
                                // OrElse: the first alternative removes two keys and retries (undone); the second removes one.
                                int removed = 0;
                                Atomic.OrElse(() =>
                                {
                                    Remove(list, k1);
                                    Remove(list, k2);
                                    Atomic.Retry();
                                }, () =>
                                {
                                    if (Remove(list, k2))
                                    {
                                        removed++;
                                    }
                                });
                                Atomic.OnCommit(() => Interlocked.Add(ref removes, removed));
                                break;
                            }

                            default:
                                if (Validate(list, out _, out _) is string invalid)
                                {
                                    throw Harness.Fail("worker validation: " + invalid);
                                }

                                break;
                        }
                    });
                    Interlocked.Increment(ref transactions);
                }
            }));
        }

        threads.Add(Harness.Start("checker", () =>
        {
            while (!Harness.Stop)
            {
                Atomic.Run(() =>
                {
                    if (Validate(list, out _, out _) is string problem)
                    {
                        throw Harness.Fail("checker: " + problem);
                    }
                });
                Interlocked.Increment(ref checks);
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        string? final = Atomic.Run(() => Validate(list, out int count, out _) ?? (count != inserts - removes ? $"length {count} != committed inserts {inserts} - removes {removes}" : null));
        if (final is not null)
        {
            Harness.Violation("final: " + final);
        }

        return new ScenarioResult(
            transactions + checks,
            $"fresh keys={keyRange} workers={settings.Workers} transactions={transactions} inserts={inserts} removes={removes} rolledBackNested={rolledBack} checks={checks} final={list.Count}");
    }

    /// <summary>Null if the list is sorted, acyclic, with payload 3 × key everywhere and the stored count and sum right.</summary>
    private static string? Validate(SortedList list, out int count, out long payloadSum)
    {
        count = 0;
        payloadSum = 0;
        Node previous = list.Head;
        Node? current = previous.Next;
        while (current is not null)
        {
            if (current.Key <= previous.Key)
            {
                return $"not sorted: {previous.Key} then {current.Key}";
            }

            if (current.Payload != (long)current.Key * 3)
            {
                return $"payload {current.Payload} for key {current.Key}";
            }

            count++;
            payloadSum += current.Payload;
            previous = current;
            current = current.Next;
            if (count > 1_000_000)
            {
                return "cycle";
            }
        }

        if (count != list.Count)
        {
            return $"length {count} != Count {list.Count}";
        }

        return payloadSum != list.PayloadSum ? $"payload sum {payloadSum} != PayloadSum {list.PayloadSum}" : null;
    }

    private static bool Insert(SortedList list, int key, bool nestedAllocation)
    {
        Node previous = list.Head;
        Node? current = previous.Next;
        while (current is not null && current.Key < key)
        {
            previous = current;
            current = current.Next;
        }

        if (current is not null && current.Key == key)
        {
            return false;
        }

        // A node allocated in a nested block that commits stays fresh for the parent; written twice in it.
        Node node = nestedAllocation
            ? Atomic.Run(() =>
            {
                var x = new Node(key) { Payload = 1 };
                x.Payload = (long)key * 3;
                return x;
            })
            : new Node(key) { Payload = (long)key * 3 };
        node.Next = current;
        previous.Next = node;
        list.Count += 1;
        list.PayloadSum += node.Payload;
        return true;
    }

    private static bool Remove(SortedList list, int key)
    {
        Node previous = list.Head;
        Node? current = previous.Next;
        while (current is not null && current.Key < key)
        {
            previous = current;
            current = current.Next;
        }

        if (current is null || current.Key != key)
        {
            return false;
        }

        previous.Next = current.Next;
        list.Count -= 1;
        list.PayloadSum -= current.Payload;
        return true;
    }

    [Transactional]
    internal sealed partial class Node
    {
        public Node(int key) => Key = key;

        public int Key { get; }

        public partial Node? Next { get; set; }

        public partial long Payload { get; set; }
    }

    [Transactional]
    internal sealed partial class SortedList
    {
        public SortedList() => Head = new Node(int.MinValue);

        /// <summary>A sentinel below every key.</summary>
        public Node Head { get; }

        public partial int Count { get; set; }

        public partial long PayloadSum { get; set; }
    }
}
