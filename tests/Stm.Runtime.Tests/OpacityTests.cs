using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Opacity: every attempt, including one that is about to abort, sees a consistent snapshot. Readers check the
/// invariants inside the body and count violations before any barrier can throw, so a zombie attempt that saw a
/// torn state is counted even though it is then rolled back.
/// </summary>
public class OpacityTests
{
    private const int Writers = 2;
    private const int Readers = 2;
    private const long ReadsRequired = 1_000_000;
    private const long MinWrites = 10_000; // readers keep going until the writers have really challenged them

    [Fact]
    public void Readers_never_see_a_broken_sum_across_objects_or_within_one_object()
    {
        var x = new Cell(0);
        var y = new Cell(0);
        var pair = new Pair();
        long violations = 0;
        long checks = 0;
        long writes = 0;
        int readersDone = 0;

        TestThreads.Run(Writers + Readers, t =>
        {
            if (t < Writers)
            {
                var rng = new System.Random(77 + t);
                while (Volatile.Read(ref readersDone) < Readers)
                {
                    long delta = rng.Next(1, 1000);
                    Atomic.Run(() =>
                    {
                        x.Value += delta;
                        pair.X += delta;
                        y.Value -= delta;
                        pair.Y -= delta;
                    });
                    Interlocked.Increment(ref writes);
                }

                return;
            }

            while (Interlocked.Read(ref checks) < ReadsRequired || Interlocked.Read(ref writes) < MinWrites)
            {
                Atomic.Run(() =>
                {
                    long a = x.Value;
                    Thread.SpinWait(20); // widen the window for a writer to commit between the two reads
                    long px = pair.X;
                    long b = y.Value;
                    long py = pair.Y;
                    Interlocked.Increment(ref checks);
                    if (a + b != 0 || px + py != 0 || a != px)
                    {
                        Interlocked.Increment(ref violations);
                    }
                });
            }

            Interlocked.Increment(ref readersDone);
        });

        Assert.True(Interlocked.Read(ref checks) >= ReadsRequired);
        Assert.True(Interlocked.Read(ref writes) >= MinWrites);
        Assert.Equal(0, Interlocked.Read(ref violations));
        Assert.Equal(0, Atomic.Run(() => x.Value + y.Value));
        Assert.Equal(0, Atomic.Run(() => pair.X + pair.Y));
    }

    [Fact]
    public void A_reader_walking_a_concurrently_mutated_list_never_sees_it_broken_or_loops()
    {
        // head -> sorted keys in [1, KeyRange] -> tail. Removal turns the removed node into a self-loop, so a
        // zombie reader standing on it would loop forever without opacity (the walk is bounded and counts that).
        const int KeyRange = 32;
        const int MaxSteps = KeyRange + 2;
        const long WalksRequired = 100_000;
        var tail = new Node(long.MaxValue, null);
        var head = new Node(long.MinValue, tail);
        long violations = 0;
        long walks = 0;
        long toggles = 0;
        int readersDone = 0;

        TestThreads.Run(Writers + Readers, t =>
        {
            if (t < Writers)
            {
                var rng = new System.Random(99 + t);
                while (Volatile.Read(ref readersDone) < Readers)
                {
                    long key = rng.Next(1, KeyRange + 1);
                    Atomic.Run(() => ToggleKey(head, key));
                    Interlocked.Increment(ref toggles);
                }

                return;
            }

            while (Interlocked.Read(ref walks) < WalksRequired || Interlocked.Read(ref toggles) < MinWrites)
            {
                Atomic.Run(() =>
                {
                    Interlocked.Increment(ref walks);
                    if (!WalkIsSorted(head, MaxSteps))
                    {
                        Interlocked.Increment(ref violations);
                    }
                });
            }

            Interlocked.Increment(ref readersDone);
        });

        Assert.Equal(0, Interlocked.Read(ref violations));
        Assert.True(Interlocked.Read(ref toggles) >= MinWrites);
        Assert.True(Atomic.Run(() => WalkIsSorted(head, MaxSteps)));
    }

    private static void ToggleKey(Node head, long key)
    {
        Node previous = head;
        Node current = head.Next!;
        while (current.Key < key)
        {
            previous = current;
            current = current.Next!;
        }

        if (current.Key == key)
        {
            previous.Next = current.Next;
            current.Next = current; // poison: only a reader with an inconsistent view can ever reach this
        }
        else
        {
            previous.Next = new Node(key, current);
        }
    }

    /// <summary>Walks from head to tail; false on a key out of order, a missing link or too many steps.</summary>
    private static bool WalkIsSorted(Node head, int maxSteps)
    {
        Node? node = head;
        long previousKey = long.MinValue;
        for (int steps = 0; steps <= maxSteps; steps++)
        {
            Node? next = node.Next;
            if (next is null)
            {
                return false;
            }

            long key = next.Key;
            if (key <= previousKey)
            {
                return false;
            }

            if (key == long.MaxValue)
            {
                return next.Next is null;
            }

            previousKey = key;
            node = next;
        }

        return false;
    }
}
