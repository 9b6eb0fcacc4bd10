using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// Random transactions (reads, writes, nested blocks that commit or throw, OrElse alternatives that retry, top-level
/// throws) on several threads, checked against a sequential model. Every transaction reads and increments one
/// version cell, so the committed transactions are totally ordered by the version they wrote; each records what it
/// read and wrote (and where its nested blocks began, committed or rolled back). Replaying the records in version
/// order on a plain array must reproduce every value read and the final state. Some transactions also call
/// <see cref="Atomic.Retry"/> at top level on their first attempt; a ticker thread keeps committing to the version
/// cell (with an empty record) so that they are always woken, even after the other workers have finished.
/// </summary>
public class RandomizedModelTests
{
    private const int CellCount = 6;
    private const int Threads = 4;
    private const int TransactionsPerThread = 1_500;

    private enum OpKind
    {
        Read,
        Write,
        Begin,
        Commit,
        Rollback,
    }

    private readonly record struct Op(OpKind Kind, int Cell, long Value);

    private sealed class Boom : Exception
    {
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void Concurrent_random_transactions_match_a_sequential_replay_in_version_order(int seed, bool viaFreshNodes)
    {
        // Every round asserts the replay. Whether a round also exercised conflicts depends on the two cores
        // overlapping the workers, which a busy machine (say, other test assemblies running) may not do: then
        // the round is repeated, up to five times, rather than failing on the precondition.
        string? notExercised = null;
        for (int round = 0; round < 5; round++)
        {
            notExercised = RunRound(seed + (round * 1_000), viaFreshNodes);
            if (notExercised is null)
            {
                return;
            }
        }

        Assert.Fail(notExercised);
    }

    /// <summary>One round: runs the random mix, asserts the replay, and says what the mix failed to exercise (or null).</summary>
    private static string? RunRound(int seed, bool viaFreshNodes)
    {
        var version = new Cell(0);
        IStore cells = viaFreshNodes ? new NodeStore() : new CellStore();
        long[] initial = Enumerable.Range(0, CellCount).Select(i => (long)i).ToArray();
        var history = new ConcurrentDictionary<long, Op[]>();
        long thrown = 0;
        StmStatistics before = Atomic.Statistics;

        int workersDone = 0;
        long ticks = 0;
        TestThreads.Run(Threads + 1, t =>
        {
            if (t == Threads)
            {
                while (Volatile.Read(ref workersDone) < Threads)
                {
                    long tick = Atomic.Run(() => version.Value += 1);
                    Assert.True(history.TryAdd(tick, []));
                    Interlocked.Increment(ref ticks);
                    Thread.Sleep(1);
                }

                return;
            }

            var ops = new List<Op>();
            for (int tx = 0; tx < TransactionsPerThread; tx++)
            {
                int txSeed = HashCode.Combine(seed, t, tx);
                long committedVersion = 0;
                int attempts = 0;
                try
                {
                    Atomic.Run(() =>
                    {
                        // Same choices on every attempt; only the committed attempt's record is kept.
                        var rng = new Random(txSeed);
                        ops.Clear();
                        long v = version.Value + 1;
                        version.Value = v;
                        committedVersion = v;
                        RunOps(rng, cells, ops, depth: 0);
                        if (++attempts == 1 && rng.Next(100) < 4)
                        {
                            Atomic.Retry(); // wait for the next commit to the version cell, then redo everything
                        }
                    });
                }
                catch (Boom)
                {
                    Interlocked.Increment(ref thrown);
                    continue;
                }

                Assert.True(history.TryAdd(committedVersion, ops.ToArray()), $"two committed transactions wrote version {committedVersion}");
            }

            Interlocked.Increment(ref workersDone);
        });

        StmStatistics delta = Atomic.Statistics.Since(before);
        long committed = history.Count;
        Assert.Equal(Threads * TransactionsPerThread + ticks, committed + thrown);
        Assert.Equal(committed, delta.Commits);
        Assert.Equal(thrown, delta.UserExceptionRollbacks);
        string? notExercised = thrown > 0 && delta.Aborts > 0 && delta.Retries > 0
            ? null
            : $"the mix did not exercise throws, conflicts and retries in five rounds: {delta}";
        Op[] all = history.Values.SelectMany(r => r).ToArray();
        Assert.Contains(all, op => op.Kind == OpKind.Rollback); // nested throws and OrElse retries were rolled back
        Assert.Contains(all, op => op.Kind == OpKind.Commit);
        Assert.Equal(committed, version.Value);

        long[] model = (long[])initial.Clone();
        for (long v = 1; v <= committed; v++)
        {
            Assert.True(history.TryGetValue(v, out Op[]? record), $"version {v} is missing from the committed history");
            Replay(model, record!, v);
        }

        long[] actual = Atomic.Run(cells.Snapshot);
        Assert.Equal(model, actual);
        return notExercised;
    }

    private static void RunOps(Random rng, IStore cells, List<Op> ops, int depth)
    {
        int count = rng.Next(1, 6);
        for (int n = 0; n < count; n++)
        {
            int choice = rng.Next(100);
            int i = rng.Next(CellCount);
            if (choice < 40)
            {
                ops.Add(new Op(OpKind.Read, i, cells.Read(i)));
            }
            else if (choice < 72)
            {
                long value = rng.Next(4); // small values: many writes are silent
                cells.Write(i, value, rng);
                ops.Add(new Op(OpKind.Write, i, value));
            }
            else if (choice < 84 && depth < 3)
            {
                bool fails = rng.Next(100) < 35;
                ops.Add(new Op(OpKind.Begin, 0, 0));
                try
                {
                    Atomic.Run(() =>
                    {
                        RunOps(rng, cells, ops, depth + 1);
                        if (fails)
                        {
                            throw new Boom();
                        }
                    });
                    ops.Add(new Op(OpKind.Commit, 0, 0));
                }
                catch (Boom)
                {
                    ops.Add(new Op(OpKind.Rollback, 0, 0));
                }
            }
            else if (choice < 94 && depth < 3)
            {
                bool firstRetries = rng.Next(100) < 50;
                Atomic.OrElse(
                    () =>
                    {
                        ops.Add(new Op(OpKind.Begin, 0, 0));
                        RunOps(rng, cells, ops, depth + 1);
                        if (firstRetries)
                        {
                            ops.Add(new Op(OpKind.Rollback, 0, 0));
                            Atomic.Retry();
                        }

                        ops.Add(new Op(OpKind.Commit, 0, 0));
                    },
                    () =>
                    {
                        ops.Add(new Op(OpKind.Begin, 0, 0));
                        RunOps(rng, cells, ops, depth + 1);
                        ops.Add(new Op(OpKind.Commit, 0, 0));
                    });
            }
            else if (depth == 0 && choice >= 97)
            {
                throw new Boom(); // the whole transaction is rolled back: it must leave no trace
            }
        }
    }

    /// <summary>The model's six values as the transactions see them.</summary>
    private interface IStore
    {
        long Read(int i);

        void Write(int i, long value, Random rng);

        long[] Snapshot();
    }

    /// <summary>Each value in a <see cref="Cell"/>: plain reads and copy-on-write writes.</summary>
    private sealed class CellStore : IStore
    {
        private readonly Cell[] _cells = Atomic.Run(() => Enumerable.Range(0, CellCount).Select(i => new Cell(i)).ToArray());

        public long Read(int i) => _cells[i].Value;

        public void Write(int i, long value, Random rng) => _cells[i].Value = value;

        public long[] Snapshot() => _cells.Select(c => c.Value).ToArray();
    }

    /// <summary>
    /// Each value in the key of the node a slot points to. Writes either change that node in place or link a node
    /// allocated in the transaction (a fresh object, possibly allocated in a nested level that is rolled back, or
    /// written again by a later nested level): fresh-object handling under nesting and publication is in the mix.
    /// </summary>
    private sealed class NodeStore : IStore
    {
        private readonly Node[] _slots = Atomic.Run(() => Enumerable.Range(0, CellCount).Select(i => new Node(-1, new Node(i, null))).ToArray());

        public long Read(int i) => _slots[i].Next!.Key;

        public void Write(int i, long value, Random rng)
        {
            if (rng.Next(2) == 0)
            {
                _slots[i].Next!.Key = value;
                return;
            }

            var node = new Node(value + 100, null);
            _slots[i].Next = node;
            node.Key = value; // a second, in-place write to the fresh object
        }

        public long[] Snapshot() => _slots.Select(s => s.Next!.Key).ToArray();
    }

    private static void Replay(long[] model, Op[] record, long version)
    {
        var saved = new Stack<long[]>();
        for (int k = 0; k < record.Length; k++)
        {
            Op op = record[k];
            switch (op.Kind)
            {
                case OpKind.Read:
                    Assert.True(model[op.Cell] == op.Value,
                        $"transaction {version}, op {k}: read cell {op.Cell} = {op.Value}, but the serial model holds {model[op.Cell]}");
                    break;
                case OpKind.Write:
                    model[op.Cell] = op.Value;
                    break;
                case OpKind.Begin:
                    saved.Push((long[])model.Clone());
                    break;
                case OpKind.Commit:
                    saved.Pop();
                    break;
                case OpKind.Rollback:
                    Array.Copy(saved.Pop(), model, model.Length);
                    break;
            }
        }

        Assert.Empty(saved);
    }
}
