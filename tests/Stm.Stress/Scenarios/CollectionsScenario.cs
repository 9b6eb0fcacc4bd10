using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: queues lose and duplicate nothing, and a dictionary's transfers conserve its sum while it grows and
/// shrinks. Producers enqueue into two <see cref="TQueue{T}"/> (alone or in transactions that also enqueue and dequeue
/// one more: +1 element net); consumers block on <c>OrElse(q1.Dequeue, q2.Dequeue)</c>. At the end, consumed +
/// remaining = produced (+ the stop sentinels). Dictionary workers transfer between 64 keys while adding and removing
/// up to 5,000 extra keys with value 0; an auditor checks the 64-key sum, that extra keys are 0, and that enumeration
/// agrees with <c>Count</c>, inside transactions.
/// </summary>
internal sealed class CollectionsScenario : Scenario
{
    private const int Keys = 64;
    private const long Initial = 1000;

    public override string Name => "collections";

    public override string Invariant => "TQueue items are neither lost nor duplicated (blocking OrElse consumers); TDictionary transfers keep the sum while extra keys come and go";

    public override string? WorkersMeaning => "dictionary threads (and half as many producers and consumers)";

    public override int DefaultWorkers => 4;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int workers = settings.Workers;
        var q1 = new TQueue<long>();
        var q2 = new TQueue<long>();
        var dictionary = new TDictionary<int, long>();
        for (int k = 0; k < Keys; k++)
        {
            dictionary[k] = Initial;
        }

        long total = Keys * Initial;
        long produced = 0, consumed = 0, dictionaryTransactions = 0, audits = 0, nextItem = 0;
        var threads = new List<Thread>();
        var consumers = new List<Thread>();

        for (int p = 0; p < Math.Max(1, workers / 2); p++)
        {
            threads.Add(Harness.Start("producer" + p, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    long item = Interlocked.Increment(ref nextItem);
                    TQueue<long> q = r.Next(2) == 0 ? q1 : q2;
                    bool extra = r.Next(10) == 0;
                    if (r.Next(3) == 0)
                    {
                        Atomic.Run(() =>
                        {
                            q.Enqueue(item);
                            if (extra)
                            {
                                // One more in and one out (the head, maybe not ours): still +1 net.
                                q.Enqueue(-item);
                                q.TryDequeue(out _);
                            }
                        });
                    }
                    else
                    {
                        q.Enqueue(item);
                    }

                    Interlocked.Increment(ref produced);
                    if (r.Next(100) == 0)
                    {
                        Thread.Sleep(1);
                    }
                }
            }));
        }

        for (int c = 0; c < Math.Max(1, workers / 2); c++)
        {
            consumers.Add(Harness.Start("consumer" + c, () =>
            {
                while (!Harness.Stop)
                {
                    // Blocks (Retry) until either queue has an item.
                    _ = Atomic.Run(() => Atomic.OrElse(() => q1.Dequeue(), () => q2.Dequeue()));
                    Interlocked.Increment(ref consumed);
                }
            }));
        }

        for (int w = 0; w < workers; w++)
        {
            threads.Add(Harness.Start("dictionary" + w, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    int a = r.Next(Keys), b = r.Next(Keys);
                    long amount = r.Next(1, 10);
                    int extraKey = Keys + r.Next(5000);
                    int op = r.Next(4);
                    Atomic.Run(() =>
                    {
                        dictionary[a] = dictionary[a] - amount;
                        dictionary[b] = dictionary[b] + amount;
                        if (op == 0)
                        {
                            dictionary.TryAdd(extraKey, 0);
                        }
                        else if (op == 1)
                        {
                            dictionary.Remove(extraKey);
                        }
                    });
                    Interlocked.Increment(ref dictionaryTransactions);
                }
            }));
        }

        threads.Add(Harness.Start("dictionary-auditor", () =>
        {
            while (!Harness.Stop)
            {
                Atomic.Run(() =>
                {
                    long sum = 0;
                    for (int k = 0; k < Keys; k++)
                    {
                        sum += dictionary[k];
                    }

                    if (sum != total)
                    {
                        throw Harness.Fail($"dictionary sum {sum} != {total} (inside a transaction)");
                    }

                    int enumerated = 0;
                    foreach (KeyValuePair<int, long> pair in dictionary)
                    {
                        enumerated++;
                        if (pair.Key >= Keys && pair.Value != 0)
                        {
                            throw Harness.Fail($"extra key {pair.Key} has value {pair.Value}, not 0");
                        }
                    }

                    if (enumerated != dictionary.Count)
                    {
                        throw Harness.Fail($"dictionary enumerated {enumerated} entries != Count {dictionary.Count}");
                    }
                });
                Interlocked.Increment(ref audits);
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);

        // Consumers block in Dequeue: feed them sentinels (0, never produced otherwise) until they notice the stop.
        long sentinels = 0;
        var clock = Stopwatch.StartNew();
        while (consumers.Any(t => t.IsAlive))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Harness.Violation("a consumer blocked in OrElse(q1.Dequeue, q2.Dequeue) did not wake within 60 s of sentinels (lost wake-up?)");
                break;
            }

            q1.Enqueue(0);
            sentinels++;
            Thread.Sleep(1);
        }

        long remaining = 0;
        while (q1.TryDequeue(out _))
        {
            remaining++;
        }

        while (q2.TryDequeue(out _))
        {
            remaining++;
        }

        if (consumed + remaining != produced + sentinels)
        {
            Harness.Violation($"items: consumed {consumed} + remaining {remaining} != produced {produced} + sentinels {sentinels}");
        }

        if (q1.Count != 0 || q2.Count != 0)
        {
            Harness.Violation($"queues not empty after draining: {q1.Count} and {q2.Count}");
        }

        long finalSum = 0;
        for (int k = 0; k < Keys; k++)
        {
            finalSum += dictionary[k];
        }

        if (finalSum != total)
        {
            Harness.Violation($"final dictionary sum {finalSum} != {total}");
        }

        return new ScenarioResult(
            produced + consumed + dictionaryTransactions + audits,
            $"collections produced={produced} consumed={consumed} remaining={remaining} sentinels={sentinels} dictionaryTransactions={dictionaryTransactions} audits={audits} dictionaryCount={dictionary.Count}");
    }
}
