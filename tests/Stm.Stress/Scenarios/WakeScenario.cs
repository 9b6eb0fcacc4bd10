using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: a transaction blocked in <see cref="Atomic.Retry"/> wakes when something it read changes; no wake-up is
/// lost. Consumers of eight kinds each wait for their own condition (a TQueue item, a flag, a TCounter threshold
/// reached by lock-free or locked adds, a TDictionary key, <c>OrElse</c> over two queues, <c>OrElse</c> over flags in
/// nested blocks, a read set past the snapshot threshold, a counter and a flag both); producers make exactly that
/// condition true at random moments, with long pauses so consumers fall asleep. The runtime's periodic safety-net wake
/// (1 s) is switched off, so a lost wake-up is a hang: a consumer with work pending that makes no progress for 10 s is
/// a violation, and at the end everything produced must be consumed. Consumers also check FIFO order and values.
/// </summary>
internal sealed class WakeScenario : Scenario
{
    public override string Name => "wake";

    public override string Invariant => "no lost wake-up: consumers blocked in Retry on 8 kinds of condition always wake (safety-net timer off)";

    public override string? WorkersMeaning => "producer threads";

    public override string? SizeMeaning => "consumers per kind (8 kinds)";

    public override int DefaultSize => 2;

    public override IReadOnlyList<ScenarioFlag> Flags { get; } =
    [
        new("safetynet", "keep the runtime's 1 s safety-net wake-up (hides lost wake-ups; for comparison)"),
    ];

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        if (!settings.Has("safetynet"))
        {
            RuntimeKnobs.DisableRetrySafetyNet();
        }

        var consumers = new List<Consumer>();
        var dictionary = new TDictionary<int, long>();
        var noise = new Cell[64]; // unrelated writes in the producers' transactions
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = new Cell();
        }

        AddConsumer add = (kind, loop, produce, describe) => consumers.Add(new Consumer(consumers.Count, kind, loop, produce, describe));

        for (int k = 0; k < settings.Size; k++)
        {
            AddQueueConsumer(add, noise);
            AddFlagConsumer(add, noise);
            AddCounterConsumer(add, noise);
            AddDictionaryKeyConsumer(add, dictionary, (consumers.Count + 1) * 1_000_000);
            AddOrElseQueuesConsumer(add);
            AddOrElseFlagsConsumer(add);
            AddBigReadSetConsumer(add);
            AddCounterAndFlagConsumer(add);
        }

        foreach (Consumer consumer in consumers)
        {
            consumer.Start();
        }

        var threads = new List<Thread>();
        long produceOps = 0;
        for (int p = 0; p < settings.Workers; p++)
        {
            threads.Add(Harness.Start("producer" + p, () =>
            {
                var r = new Random();
                while (!Harness.Stop)
                {
                    consumers[r.Next(consumers.Count)].Produce(r);
                    Interlocked.Increment(ref produceOps);
                    int pause = r.Next(100);
                    if (pause < 20)
                    {
                        Thread.Sleep(r.Next(2));
                    }
                    else if (pause == 99)
                    {
                        Thread.Sleep(r.Next(50, 300)); // long enough for consumers to go to sleep
                    }
                    else if (pause == 98)
                    {
                        Thread.Yield();
                    }
                }
            }));
        }

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(30));
        }

        // Watchdog: a consumer with work pending and no progress for too long lost a wake-up.
        var lastConsumed = new long[consumers.Count];
        var pendingSince = new long[consumers.Count];
        var clock = Stopwatch.StartNew();
        void CheckHangs(double limitSeconds)
        {
            for (int i = 0; i < consumers.Count; i++)
            {
                Consumer c = consumers[i];
                long produced = Volatile.Read(ref c.Produced), consumed = Volatile.Read(ref c.Consumed);
                long now = clock.ElapsedMilliseconds;
                if (consumed != lastConsumed[i] || consumed >= produced)
                {
                    lastConsumed[i] = consumed;
                    pendingSince[i] = now;
                }
                else if (now - pendingSince[i] > limitSeconds * 1000)
                {
                    string state;
                    try
                    {
                        state = c.Describe();
                    }
                    catch (Exception ex)
                    {
                        state = ex.Message;
                    }

                    Harness.Violation($"HANG consumer {c.Id} ({c.Kind}) produced={produced} consumed={consumed} waiting for [{c.Waiting}] state: {state}");
                    pendingSince[i] = long.MaxValue / 2; // report once
                }
            }
        }

        while (clock.Elapsed.TotalSeconds < settings.Seconds && Harness.Violations < Harness.MaxRecorded)
        {
            Thread.Sleep(500);
            CheckHangs(10);
        }

        Harness.RequestStop();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        // Everything produced must be consumed.
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed.TotalSeconds < 15 && consumers.Any(c => Volatile.Read(ref c.Consumed) < Volatile.Read(ref c.Produced)))
        {
            Thread.Sleep(100);
        }

        Array.Clear(pendingSince);
        CheckHangs(0);
        long consumedTotal = consumers.Sum(c => Volatile.Read(ref c.Consumed));

        // The consumer threads stay blocked in Retry (background threads): the process exits under them.
        return new ScenarioResult(
            produceOps + consumedTotal,
            $"wake consumers={consumers.Count} producers={settings.Workers} produceOps={produceOps} consumed={string.Join(",", consumers.Select(c => c.Consumed))}");
    }

    // 1. Its own TQueue, blocking Dequeue outside a transaction (runs one); FIFO order checked.
    private static void AddQueueConsumer(AddConsumer add, Cell[] noise)
    {
        var q = new TQueue<long>();
        long next = 0;
        add("queue", c =>
        {
            long expect = 1;
            while (true)
            {
                c.Waiting = "q.Dequeue()";
                long v = q.Dequeue();
                c.Waiting = string.Empty;
                if (v != expect)
                {
                    Harness.Violation($"queue consumer {c.Id}: got {v}, expected {expect}");
                }

                expect = v + 1;
                Interlocked.Increment(ref c.Consumed);
            }
        }, (c, r) =>
        {
            // One producer per queue at a time, so that the order is checkable.
            lock (q)
            {
                long v = ++next;
                if (r.Next(2) == 0)
                {
                    q.Enqueue(v);
                }
                else
                {
                    int i = r.Next(noise.Length);
                    Atomic.Run(() =>
                    {
                        q.Enqueue(v);
                        noise[i].V++;
                    });
                }

                Interlocked.Increment(ref c.Produced);
            }
        }, () => $"q.Count={q.Count}");
    }

    // 2. A flag object's value changing.
    private static void AddFlagConsumer(AddConsumer add, Cell[] noise)
    {
        var flag = new Cell();
        add("flag", c =>
        {
            long seen = 0;
            while (true)
            {
                long s = seen;
                c.Waiting = $"flag.V != {s}";
                long v = Atomic.Run(() =>
                {
                    long x = flag.V;
                    if (x == s)
                    {
                        Atomic.Retry();
                    }

                    return x;
                });
                if (v <= seen)
                {
                    Harness.Violation($"flag consumer {c.Id}: {v} <= {seen}");
                }

                seen = v;
                Volatile.Write(ref c.Consumed, v);
            }
        }, (c, r) =>
        {
            int i = r.Next(noise.Length), j = r.Next(noise.Length);
            if (r.Next(2) == 0)
            {
                Atomic.Run(() => flag.V++);
            }
            else
            {
                Atomic.Run(() =>
                {
                    noise[i].V++;
                    flag.V++;
                    noise[j].V++;
                });
            }

            Interlocked.Increment(ref c.Produced);
        }, () => $"flag.V={flag.V}");
    }

    // 3. A TCounter passing a threshold, by lock-free and locked adds.
    private static void AddCounterConsumer(AddConsumer add, Cell[] noise)
    {
        var counter = new TCounter();
        add("counter", c =>
        {
            long seen = 0;
            while (true)
            {
                long s = seen;
                c.Waiting = $"counter > {s}";
                long v = Atomic.Run(() =>
                {
                    long x = counter.Value;
                    if (x <= s)
                    {
                        Atomic.Retry();
                    }

                    return x;
                });
                if (v <= seen)
                {
                    Harness.Violation($"counter consumer {c.Id}: {v} <= {seen}");
                }

                seen = v;
                Volatile.Write(ref c.Consumed, v);
            }
        }, (c, r) =>
        {
            int mode = r.Next(4), i = r.Next(noise.Length);
            switch (mode)
            {
                case 0:
                    counter.Add(1); // outside: an add-only transaction, lock-free
                    break;
                case 1:
                    Atomic.Run(() => counter.Increment());
                    break;
                case 2:
                    Atomic.Run(() =>
                    {
                        counter.Increment();
                        noise[i].V++; // with an object write: under the commit lock
                    });
                    break;
                default:
                    Atomic.Run(() =>
                    {
                        counter.Add(3);
                        counter.Add(-2);
                    });
                    break;
            }

            Interlocked.Increment(ref c.Produced);
        }, () => $"counter={counter.Value}");
    }

    // 4. A TDictionary key appearing (the consumer removes it).
    private static void AddDictionaryKeyConsumer(AddConsumer add, TDictionary<int, long> dictionary, int baseKey)
    {
        long nextKey = 0;
        var gate = new object();
        add("dictkey", c =>
        {
            long n = 0;
            while (true)
            {
                int key = baseKey + (int)n;
                c.Waiting = $"dictionary key {key}";
                long v = Atomic.Run(() =>
                {
                    if (!dictionary.TryGetValue(key, out long x))
                    {
                        Atomic.Retry();
                    }

                    dictionary.Remove(key);
                    return x;
                });
                if (v != n)
                {
                    Harness.Violation($"dictionary consumer {c.Id}: key {key} has value {v}, expected {n}");
                }

                n++;
                Volatile.Write(ref c.Consumed, n);
            }
        }, (c, r) =>
        {
            lock (gate)
            {
                long n = nextKey++;
                int key = baseKey + (int)n;
                int other = r.Next(5000);
                if (r.Next(2) == 0)
                {
                    dictionary[key] = n;
                }
                else
                {
                    Atomic.Run(() =>
                    {
                        dictionary.TryAdd(key, n);
                        dictionary[other] = 1;
                    });
                }

                Interlocked.Increment(ref c.Produced);
            }
        }, () => $"dictionary.Count={dictionary.Count} nextKey={nextKey}");
    }

    // 5. OrElse over two queues: the producer picks one at random, the wait is on the union.
    private static void AddOrElseQueuesConsumer(AddConsumer add)
    {
        var qa = new TQueue<long>();
        var qb = new TQueue<long>();
        add("orelse2q", c =>
        {
            while (true)
            {
                c.Waiting = "OrElse(qa.Dequeue, qb.Dequeue)";
                Atomic.Run(() => Atomic.OrElse(() => qa.Dequeue(), () => qb.Dequeue()));
                Interlocked.Increment(ref c.Consumed);
            }
        }, (c, r) =>
        {
            (r.Next(3) == 0 ? qa : qb).Enqueue(1);
            Interlocked.Increment(ref c.Produced);
        }, () => $"qa={qa.Count} qb={qb.Count}");
    }

    // 6. OrElse whose alternatives retry on different flags, inside nested blocks, after a write in the outer block.
    private static void AddOrElseFlagsConsumer(AddConsumer add)
    {
        var fa = new Cell();
        var fb = new Cell();
        var scratch = new Cell();
        var gate = new object();
        add("orelse2f", c =>
        {
            long seenA = 0, seenB = 0;
            while (true)
            {
                long a0 = seenA, b0 = seenB;
                c.Waiting = $"fa != {a0} || fb != {b0}";
                (long na, long nb) = Atomic.Run(() =>
                {
                    scratch.V++;
                    long ra = -1, rb = -1;
                    Atomic.OrElse(() =>
                    {
                        Atomic.Run(() =>
                        {
                            scratch.V += 10;
                            long x = fa.V;
                            if (x == a0)
                            {
                                Atomic.Retry();
                            }

                            ra = x;
                        });
                    }, () =>
                    {
                        Atomic.OrElse(() =>
                        {
                            long y = fb.V;
                            if (y == b0)
                            {
                                Atomic.Retry();
                            }

                            rb = y;
                        }, () =>
                        {
                            scratch.V += 100;
                            Atomic.Retry();
                        });
                    });
                    return (ra, rb);
                });
                if (na >= 0)
                {
                    seenA = na;
                }

                if (nb >= 0)
                {
                    seenB = nb;
                }

                Volatile.Write(ref c.Consumed, seenA + seenB);
            }
        }, (c, r) =>
        {
            lock (gate)
            {
                if (r.Next(2) == 0)
                {
                    fa.V = fa.V + 1; // two outside accesses: fine, this lock makes this thread the only writer
                }
                else
                {
                    Atomic.Run(() => fb.V++);
                }

                Interlocked.Increment(ref c.Produced);
            }
        }, () => $"fa={fa.V} fb={fb.V}");
    }

    // 7. A read set of 80 objects (past the 32-read snapshot threshold: the first attempt may not log reads).
    private static void AddBigReadSetConsumer(AddConsumer add)
    {
        var cells = new Cell[80];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = new Cell();
        }

        var flag = new Cell();
        var gate = new object();
        add("bigread", c =>
        {
            long seen = 0;
            while (true)
            {
                long s = seen;
                c.Waiting = $"bigread flag != {s}";
                long v = Atomic.Run(() =>
                {
                    long sum = cells.Sum(x => x.V);
                    if (sum != 0)
                    {
                        Harness.Violation($"bigread consumer {c.Id}: cells sum to {sum}, not 0 (inside a transaction)");
                    }

                    long y = flag.V;
                    if (y == s)
                    {
                        Atomic.Retry();
                    }

                    return y;
                });
                seen = v;
                Volatile.Write(ref c.Consumed, v);
            }
        }, (c, r) =>
        {
            lock (gate)
            {
                int i = r.Next(cells.Length), j = r.Next(cells.Length);
                Atomic.Run(() =>
                {
                    cells[i].V += 5;
                    cells[j].V -= 5;
                    flag.V++;
                });
                Atomic.Run(() =>
                {
                    cells[i].V -= 5;
                    cells[j].V += 5;
                });
                Interlocked.Increment(ref c.Produced);
            }
        }, () => $"flag={flag.V}");
    }

    // 8. Both a flag and a counter past a round number: a wake-up by either must re-check both.
    private static void AddCounterAndFlagConsumer(AddConsumer add)
    {
        var counter = new TCounter();
        var flag = new Cell();
        var gate = new object();
        add("ctr+flag", c =>
        {
            long round = 0;
            while (true)
            {
                long rr = round;
                c.Waiting = $"counter >= {rr + 1} && flag >= {rr + 1}";
                Atomic.Run(() =>
                {
                    if (flag.V <= rr)
                    {
                        Atomic.Retry();
                    }

                    if (counter.Value <= rr)
                    {
                        Atomic.Retry();
                    }
                });
                round++;
                Volatile.Write(ref c.Consumed, round);
            }
        }, (c, r) =>
        {
            lock (gate)
            {
                // One round: flag++ and counter++ in separate transactions, in random order, with a random pause between.
                bool pause = r.Next(4) == 0;
                int pauseMilliseconds = r.Next(5);
                if (r.Next(2) == 0)
                {
                    counter.Add(1);
                    if (pause)
                    {
                        Thread.Sleep(pauseMilliseconds);
                    }

                    flag.V = flag.V + 1; // outside writes must wake waiters too (this lock makes it the only writer)
                }
                else
                {
                    Atomic.Run(() => flag.V++);
                    if (pause)
                    {
                        Thread.Sleep(pauseMilliseconds);
                    }

                    counter.Add(1);
                }

                Interlocked.Increment(ref c.Produced);
            }
        }, () => $"counter={counter.Value} flag={flag.V}");
    }

    private delegate void AddConsumer(string kind, Action<Consumer> loop, Action<Consumer, Random> produce, Func<string> describe);

    /// <summary>One consumer thread and how to produce for it. Consumed and Produced are compared by the watchdog.</summary>
    private sealed class Consumer(int id, string kind, Action<Consumer> loop, Action<Consumer, Random> produce, Func<string> describe)
    {
        public long Produced;
        public long Consumed;

        public int Id { get; } = id;

        public string Kind { get; } = kind;

        /// <summary>What the consumer waits for right now (for the hang report).</summary>
        public volatile string Waiting = string.Empty;

        public void Produce(Random random) => produce(this, random);

        public string Describe() => describe();

        public void Start()
        {
            var thread = new Thread(() =>
            {
                try
                {
                    loop(this);
                }
                catch (ViolationException)
                {
                    Console.Error.WriteLine($"consumer {Id} ({Kind}) stopped after a violation");
                }
                catch (Exception ex)
                {
                    Harness.Violation($"consumer {Id} ({Kind}) died: {ex}");
                }
            })
            { IsBackground = true, Name = $"consumer{Id}-{Kind}" };
            thread.Start();
        }
    }
}
