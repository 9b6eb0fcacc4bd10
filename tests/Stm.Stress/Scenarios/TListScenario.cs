using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: <see cref="TList{T}"/> operations are atomic and exact. Elements are unique positive ids; workers insert,
/// add, remove (by index and by value), overwrite, move and clear, updating a mirror (count, sum) in the same
/// transaction, and check their own operations read back; nested blocks that mutate the list and throw must leave it
/// unchanged. An auditor checks (inside a transaction) that enumeration, <c>Count</c> and the mirror agree and that
/// ids are unique. Outside transactions: enumeration and <c>ToArray()</c> must return one committed state (no duplicate,
/// no default element, no exception). LINQ's <c>Enumerable.ToArray</c> and <c>new List&lt;T&gt;(list)</c> read
/// <c>Count</c> and then <c>CopyTo</c>, two transactions: they must return a committed state or, if a commit fell in
/// between, throw the runtime's InvalidOperationException (commit ad597ce), never pad with default elements or fail
/// with "Destination array was not long enough" (what this scenario found before that commit).
/// </summary>
internal sealed class TListScenario : Scenario
{
    public override string Name => "tlist";

    public override string Invariant => "TList operations are atomic (mirror count/sum, unique ids, nested rollback exact); whole-list reads outside a transaction see one committed state (LINQ ToArray/new List<T>(x): or refuse a torn copy)";

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        var list = new TList<long>();
        var mirror = new Mirror();
        long nextId = 0;
        long transactions = 0, audits = 0, nestedRollbacks = 0, clears = 0, outsideReads = 0, refusedCopies = 0;
        var threads = new List<Thread>();

        string? Audit(string where)
        {
            var seen = new HashSet<long>();
            long n = 0, sum = 0;
            foreach (long v in list)
            {
                n++;
                sum += v;
                if (v <= 0)
                {
                    return $"{where}: non-positive element {v}";
                }

                if (!seen.Add(v))
                {
                    return $"{where}: duplicate element {v}";
                }
            }

            long count = list.Count;
            if (n != count)
            {
                return $"{where}: enumerated {n} != Count {count}";
            }

            return n != mirror.Count || sum != mirror.Sum ? $"{where}: list n={n} sum={sum} != mirror count={mirror.Count} sum={mirror.Sum}" : null;
        }

        for (int w = 0; w < settings.Workers; w++)
        {
            threads.Add(Harness.Start("tlist" + w, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    int op = r.Next(100);
                    long id1 = Interlocked.Increment(ref nextId), id2 = Interlocked.Increment(ref nextId);
                    int ri = r.Next(1 << 20), rj = r.Next(1 << 20);
                    bool nested = r.Next(8) == 0;
                    bool clear = r.Next(20) == 0;
                    bool clearInNested = r.Next(3) == 0;
                    Atomic.Run(() =>
                    {
                        int n = list.Count;
                        if (n != mirror.Count)
                        {
                            throw Harness.Fail($"start: Count {n} != mirror {mirror.Count}");
                        }

                        bool big = n > 200;
                        if (op < 20 && !big)
                        {
                            int i = ri % (n + 1);
                            list.Insert(i, id1);
                            if (list[i] != id1)
                            {
                                throw Harness.Fail($"Insert at {i}: read back {list[i]}, not {id1}");
                            }

                            mirror.Count++;
                            mirror.Sum += id1;
                        }
                        else if (op < 35 && !big)
                        {
                            list.Add(id1);
                            if (list[n] != id1)
                            {
                                throw Harness.Fail($"Add: list[{n}] = {list[n]}, not {id1}");
                            }

                            mirror.Count++;
                            mirror.Sum += id1;
                        }
                        else if (op < 55 && n > 0)
                        {
                            int i = ri % n;
                            long v = list[i];
                            long next = i + 1 < n ? list[i + 1] : -1;
                            list.RemoveAt(i);
                            if (list.Count != n - 1)
                            {
                                throw Harness.Fail($"RemoveAt: Count {list.Count}, not {n - 1}");
                            }

                            if (next != -1 && list[i] != next)
                            {
                                throw Harness.Fail($"RemoveAt({i}): list[{i}] = {list[i]}, expected {next}");
                            }

                            mirror.Count--;
                            mirror.Sum -= v;
                        }
                        else if (op < 65 && n > 0)
                        {
                            long v = list[ri % n];
                            if (!list.Remove(v))
                            {
                                throw Harness.Fail($"Remove({v}) returned false for an element just read");
                            }

                            if (list.Contains(v))
                            {
                                throw Harness.Fail($"Contains({v}) after Remove");
                            }

                            mirror.Count--;
                            mirror.Sum -= v;
                        }
                        else if (op < 80 && n > 0)
                        {
                            int i = ri % n;
                            long old = list[i];
                            list[i] = id1;
                            mirror.Sum += id1 - old;
                        }
                        else if (op < 90 && n > 1)
                        {
                            // Move: RemoveAt(i), then Insert(j).
                            int i = ri % n;
                            long v = list[i];
                            list.RemoveAt(i);
                            int j = rj % n;
                            list.Insert(j, v);
                            if (list.IndexOf(v) != j)
                            {
                                throw Harness.Fail($"move: IndexOf({v}) = {list.IndexOf(v)}, expected {j}");
                            }
                        }
                        else if (op == 99 && clear)
                        {
                            list.Clear();
                            mirror.Count = 0;
                            mirror.Sum = 0;
                            Atomic.OnCommit(() => Interlocked.Increment(ref clears));
                        }
                        else if (n < 100)
                        {
                            list.Add(id1);
                            list.Add(id2);
                            mirror.Count += 2;
                            mirror.Sum += id1 + id2;
                        }

                        if (nested)
                        {
                            List<long> before = list.ToList();
                            long countBefore = mirror.Count, sumBefore = mirror.Sum;
                            try
                            {
                                Atomic.Run(() =>
                                {
                                    int k = list.Count;
                                    list.Insert(ri % (k + 1), 1_000_000_000_000 + id1);
                                    if (k > 0)
                                    {
                                        list.RemoveAt(rj % k);
                                    }

                                    if (list.Count > 0)
                                    {
                                        list[0] = 2_000_000_000_000;
                                    }

                                    list.Add(3_000_000_000_000);
                                    if (clearInNested)
                                    {
                                        list.Clear();
                                    }

                                    mirror.Count = -5;
                                    mirror.Sum = -5;
                                    throw new InvalidOperationException("nested");
                                });
                            }
                            catch (InvalidOperationException)
                            {
                            }

                            List<long> after = list.ToList();
                            if (!before.SequenceEqual(after) || mirror.Count != countBefore || mirror.Sum != sumBefore)
                            {
                                throw Harness.Fail(
                                    $"a nested rollback changed the list [{string.Join(",", before.Take(8))}..] -> [{string.Join(",", after.Take(8))}..] " +
                                    $"n {before.Count} -> {after.Count}, mirror {countBefore}/{sumBefore} -> {mirror.Count}/{mirror.Sum}");
                            }

                            Atomic.OnCommit(() => Interlocked.Increment(ref nestedRollbacks));
                        }

                        mirror.Ops++;
                    });
                    Interlocked.Increment(ref transactions);
                }
            }));
        }

        threads.Add(Harness.Start("auditor", () =>
        {
            while (!Harness.Stop)
            {
                Atomic.Run(() =>
                {
                    if (Audit("audit") is string problem)
                    {
                        throw Harness.Fail(problem);
                    }
                });
                Interlocked.Increment(ref audits);

                // Outside transactions: each whole-list read must be one committed state.
                var enumerated = new List<long>();
                foreach (long v in list)
                {
                    enumerated.Add(v);
                }

                OutsideCopyCheck.Check("foreach", () => enumerated, static v => v, static v => v, ref refusedCopies);
                OutsideCopyCheck.Check("TList.ToArray()", list.ToArray, static v => v, static v => v, ref refusedCopies);
                OutsideCopyCheck.Check("Enumerable.ToArray(list)", () => Enumerable.ToArray(list), static v => v, static v => v, ref refusedCopies, countThenCopy: true);
                OutsideCopyCheck.Check("new List<long>(list)", () => new List<long>(list), static v => v, static v => v, ref refusedCopies, countThenCopy: true);
                if (list.Count < 0)
                {
                    Harness.Violation("negative Count outside a transaction");
                }

                Interlocked.Increment(ref outsideReads);
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        string? final = Atomic.Run(() => Audit("final"));
        if (final is not null)
        {
            Harness.Violation(final);
        }

        if (mirror.Ops != transactions)
        {
            Harness.Violation($"mirror Ops {mirror.Ops} != {transactions} committed worker transactions");
        }

        return new ScenarioResult(
            transactions + audits + outsideReads,
            $"tlist workers={settings.Workers} transactions={transactions} audits={audits} outsideReads={outsideReads} nestedRollbacks={nestedRollbacks} clears={clears} refusedTornCopies={refusedCopies} final n={list.Count}");
    }
}
