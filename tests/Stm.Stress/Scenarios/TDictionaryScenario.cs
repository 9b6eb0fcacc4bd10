using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: <see cref="TDictionary{TKey,TValue}"/> operations are atomic and exact while the table grows. Workers
/// run TryAdd, Remove, the indexer, Add (which throws for a present key), transfers between keys, Remove(pair), bulk
/// inserts of fresh keys (growth) and rare Clear, updating a mirror (count, sum) in the same transaction; nested
/// blocks that mutate (and may grow or clear) and throw must leave no trace. The key range changes over time (16 to
/// 30,000) to alternate contention and growth. The auditor checks, inside transactions, that enumeration, Count, the
/// mirror, Keys, Values, ContainsKey and TryGetValue agree and values are positive. Outside transactions, Keys,
/// enumeration and ToArray() must each return one committed state; LINQ's <c>Enumerable.ToArray</c> and
/// <c>new List&lt;T&gt;(dictionary)</c> (Count, then CopyTo: two transactions) must return one or refuse a torn copy
/// with the runtime's InvalidOperationException (commit ad597ce), never pad it with default entries.
/// </summary>
internal sealed class TDictionaryScenario : Scenario
{
    private static readonly int[] s_ranges = [16, 64, 512, 4096, 30000];

    public override string Name => "tdict";

    public override string Invariant => "TDictionary operations are atomic under growth (mirror count/sum, views agree, nested rollback exact); whole-dictionary reads outside a transaction see one committed state (LINQ copies: or refuse a torn one)";

    public override string? SizeMeaning => "initial key range (the auditor changes it over time)";

    public override int DefaultSize => 64;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        var dictionary = new TDictionary<int, long>();
        var mirror = new Mirror();
        long transactions = 0, audits = 0, nested = 0, clears = 0, bulk = 0, duplicateAdds = 0, bulkSerial = 0, outsideReads = 0, refusedCopies = 0;
        int range = settings.Size;
        var threads = new List<Thread>();

        string? Audit(string where, bool deep)
        {
            long n = 0, sum = 0;
            var keys = new HashSet<int>();
            foreach (KeyValuePair<int, long> pair in dictionary)
            {
                n++;
                sum += pair.Value;
                if (pair.Value <= 0)
                {
                    return $"{where}: value {pair.Value} for key {pair.Key}";
                }

                if (!keys.Add(pair.Key))
                {
                    return $"{where}: duplicate key {pair.Key}";
                }
            }

            if (n != dictionary.Count)
            {
                return $"{where}: enumerated {n} != Count {dictionary.Count}";
            }

            if (n != mirror.Count || sum != mirror.Sum)
            {
                return $"{where}: dictionary n={n} sum={sum} != mirror {mirror.Count}/{mirror.Sum}";
            }

            if (deep)
            {
                ICollection<int> keyView = dictionary.Keys;
                ICollection<long> valueView = dictionary.Values;
                if (keyView.Count != n || valueView.Count != n || valueView.Sum() != sum)
                {
                    return $"{where}: Keys {keyView.Count}, Values {valueView.Count} summing {valueView.Sum()}, against {n} summing {sum}";
                }

                foreach (int k in keyView)
                {
                    if (!dictionary.ContainsKey(k))
                    {
                        return $"{where}: ContainsKey({k}) false for an enumerated key";
                    }

                    if (!dictionary.TryGetValue(k, out long v) || v <= 0 || dictionary[k] != v)
                    {
                        return $"{where}: TryGetValue({k}) disagrees with the indexer or is not positive";
                    }
                }
            }

            return null;
        }

        for (int w = 0; w < settings.Workers; w++)
        {
            threads.Add(Harness.Start("tdict" + w, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    int currentRange = Volatile.Read(ref range);
                    int k1 = r.Next(currentRange), k2 = r.Next(currentRange);
                    long v1 = r.Next(1, 1000), v2 = r.Next(1, 1000);
                    int op = r.Next(100);
                    bool nest = r.Next(6) == 0;
                    bool clear = r.Next(30) == 0;

                    // Keys no other transaction uses, far above any range.
                    int bulkBase = 10_000_000 + ((int)(Interlocked.Increment(ref bulkSerial) % 1_000_000) * 1000);
                    Atomic.Run(() =>
                    {
                        if (op < 20)
                        {
                            if (dictionary.TryAdd(k1, v1))
                            {
                                mirror.Count++;
                                mirror.Sum += v1;
                            }
                            else if (!dictionary.ContainsKey(k1))
                            {
                                throw Harness.Fail($"TryAdd({k1}) returned false but the key is absent");
                            }
                        }
                        else if (op < 40)
                        {
                            if (dictionary.TryGetValue(k1, out long old))
                            {
                                if (!dictionary.Remove(k1))
                                {
                                    throw Harness.Fail($"Remove({k1}) returned false after TryGetValue found it");
                                }

                                if (dictionary.ContainsKey(k1))
                                {
                                    throw Harness.Fail($"ContainsKey({k1}) after Remove");
                                }

                                mirror.Count--;
                                mirror.Sum -= old;
                            }
                            else if (dictionary.Remove(k1))
                            {
                                throw Harness.Fail($"Remove({k1}) returned true for an absent key");
                            }
                        }
                        else if (op < 60)
                        {
                            if (dictionary.TryGetValue(k1, out long old))
                            {
                                mirror.Sum += v1 - old;
                            }
                            else
                            {
                                mirror.Count++;
                                mirror.Sum += v1;
                            }

                            dictionary[k1] = v1;
                            if (dictionary[k1] != v1)
                            {
                                throw Harness.Fail($"indexer read-back for {k1}: {dictionary[k1]}, not {v1}");
                            }
                        }
                        else if (op < 70)
                        {
                            try
                            {
                                dictionary.Add(k1, v1);
                                mirror.Count++;
                                mirror.Sum += v1;
                            }
                            catch (ArgumentException)
                            {
                                Atomic.OnCommit(() => Interlocked.Increment(ref duplicateAdds));
                                if (!dictionary.ContainsKey(k1))
                                {
                                    throw Harness.Fail($"Add({k1}) threw for an absent key");
                                }
                            }
                        }
                        else if (op < 78)
                        {
                            // A transfer between two present keys (values stay positive).
                            if (k1 != k2 && dictionary.TryGetValue(k1, out long a) && dictionary.TryGetValue(k2, out long b) && a > 1)
                            {
                                long amount = Math.Min(a - 1, v2);
                                dictionary[k1] = a - amount;
                                dictionary[k2] = b + amount;
                            }
                        }
                        else if (op < 84)
                        {
                            if (dictionary.TryGetValue(k1, out long old)
                                && ((ICollection<KeyValuePair<int, long>>)dictionary).Remove(new KeyValuePair<int, long>(k1, old)))
                            {
                                mirror.Count--;
                                mirror.Sum -= old;
                            }
                        }
                        else if (op < 88)
                        {
                            // Bulk insert of fresh keys (growth), then remove half of them.
                            for (int i = 0; i < 40; i++)
                            {
                                dictionary[bulkBase + i] = 1;
                            }

                            for (int i = 0; i < 40; i += 2)
                            {
                                dictionary.Remove(bulkBase + i);
                            }

                            mirror.Count += 20;
                            mirror.Sum += 20;
                            Atomic.OnCommit(() => Interlocked.Increment(ref bulk));
                        }
                        else if (op == 99 && clear)
                        {
                            dictionary.Clear();
                            mirror.Count = 0;
                            mirror.Sum = 0;
                            if (dictionary.Count != 0 || dictionary.ContainsKey(k1))
                            {
                                throw Harness.Fail($"after Clear: Count {dictionary.Count}, ContainsKey({k1}) {dictionary.ContainsKey(k1)}");
                            }

                            Atomic.OnCommit(() => Interlocked.Increment(ref clears));
                        }
                        else if (Audit("inline", deep: false) is string problem)
                        {
                            throw Harness.Fail(problem);
                        }

                        if (nest)
                        {
                            long countBefore = dictionary.Count;
                            bool had1 = dictionary.TryGetValue(k1, out long x1), had2 = dictionary.TryGetValue(k2, out long x2);
                            long mirrorCount = mirror.Count, mirrorSum = mirror.Sum;
                            try
                            {
                                Atomic.Run(() =>
                                {
                                    dictionary[k1] = 777_777;
                                    dictionary.Remove(k2);
                                    dictionary.TryAdd(bulkBase + 99, 5);
                                    for (int i = 0; i < 12; i++)
                                    {
                                        dictionary[bulkBase + 100 + i] = 3; // may grow the table inside the rolled-back block
                                    }

                                    if (op % 3 == 0)
                                    {
                                        dictionary.Clear();
                                    }

                                    mirror.Count = 1;
                                    mirror.Sum = 1;
                                    throw new InvalidOperationException();
                                });
                            }
                            catch (InvalidOperationException)
                            {
                            }

                            bool has1 = dictionary.TryGetValue(k1, out long y1), has2 = dictionary.TryGetValue(k2, out long y2);
                            if (dictionary.Count != countBefore || has1 != had1 || has2 != had2 || (has1 && y1 != x1) || (has2 && y2 != x2)
                                || dictionary.ContainsKey(bulkBase + 99) || mirror.Count != mirrorCount || mirror.Sum != mirrorSum)
                            {
                                throw Harness.Fail(
                                    $"a nested rollback left a trace: has {bulkBase + 99}={dictionary.ContainsKey(bulkBase + 99)} mirror {mirrorCount}/{mirrorSum} -> {mirror.Count}/{mirror.Sum} " +
                                    $"Count {countBefore} -> {dictionary.Count} k1 {had1}/{x1} -> {has1}/{y1} k2 {had2}/{x2} -> {has2}/{y2}");
                            }

                            Atomic.OnCommit(() => Interlocked.Increment(ref nested));
                        }
                    });
                    Interlocked.Increment(ref transactions);
                }
            }));
        }

        threads.Add(Harness.Start("auditor", () =>
        {
            var r = new Random();
            while (!Harness.Stop)
            {
                bool deep = r.Next(4) == 0;
                Atomic.Run(() =>
                {
                    if (Audit("audit", deep) is string problem)
                    {
                        throw Harness.Fail(problem);
                    }
                });
                Interlocked.Increment(ref audits);
                if (r.Next(10) == 0)
                {
                    Volatile.Write(ref range, s_ranges[r.Next(s_ranges.Length)]);
                }

                // Outside transactions: each whole-dictionary read must be one committed state.
                ICollection<int> keys = dictionary.Keys;
                if (keys.Distinct().Count() != keys.Count)
                {
                    Harness.Violation("Keys outside a transaction has duplicates");
                }

                var enumerated = new List<KeyValuePair<int, long>>();
                foreach (KeyValuePair<int, long> pair in dictionary)
                {
                    enumerated.Add(pair);
                }

                OutsideCopyCheck.Check("foreach", () => enumerated, static p => p.Value, static p => p.Key, ref refusedCopies);
                OutsideCopyCheck.Check("TDictionary.ToArray()", dictionary.ToArray, static p => p.Value, static p => p.Key, ref refusedCopies);
                OutsideCopyCheck.Check("Enumerable.ToArray(dictionary)", () => Enumerable.ToArray(dictionary), static p => p.Value, static p => p.Key, ref refusedCopies, countThenCopy: true);
                OutsideCopyCheck.Check("new List<KeyValuePair<int, long>>(dictionary)", () => new List<KeyValuePair<int, long>>(dictionary), static p => p.Value, static p => p.Key, ref refusedCopies, countThenCopy: true);
                Interlocked.Increment(ref outsideReads);
                Thread.Sleep(r.Next(3));
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        string? final = Atomic.Run(() => Audit("final", deep: true));
        if (final is not null)
        {
            Harness.Violation(final);
        }

        return new ScenarioResult(
            transactions + audits + outsideReads,
            $"tdict workers={settings.Workers} transactions={transactions} audits={audits} outsideReads={outsideReads} nested={nested} clears={clears} bulk={bulk} duplicateAdds={duplicateAdds} refusedTornCopies={refusedCopies} finalCount={dictionary.Count}");
    }
}
