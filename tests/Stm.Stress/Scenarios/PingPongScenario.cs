using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: strict hand-offs never deadlock. Pairs of threads take turns, so every step of one side needs a wake-up
/// from <see cref="Atomic.Retry"/> caused by the other side's last commit; the safety-net wake is off, so one lost
/// wake-up stops the pair for good. Four kinds of pair: a flag's parity, two TCounters bumped by lock-free add-only
/// transactions, two TQueues passing one token (blocking Dequeue outside and inside transactions), and an
/// <c>OrElse</c> over two flags against a gate flag. A side that makes no progress for 8 s is a violation.
/// </summary>
internal sealed class PingPongScenario : Scenario
{
    private static readonly string[] s_kinds = ["flag", "counter", "queue", "orelse"];

    public override string Name => "pingpong";

    public override string Invariant => "pairs handing a turn back and forth through Retry never stop (no lost wake-up, safety-net timer off)";

    public override string? WorkersMeaning => null;

    public override string? SizeMeaning => "pairs (kinds rotate: flag, counter, queue, orelse)";

    public override int DefaultSize => 8;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        RuntimeKnobs.DisableRetrySafetyNet();
        int pairs = settings.Size;
        var progress = new long[pairs * 2];
        var waiting = new string[pairs * 2];
        Array.Fill(waiting, "(not started)");
        Thread? gc = settings.Gc ? Harness.GcThread(50) : null;
        for (int p = 0; p < pairs; p++)
        {
            int a = p * 2, b = (p * 2) + 1;
            switch (p % 4)
            {
                case 0:
                {
                    // Side s moves the flag from parity s to the other parity.
                    var flag = new Cell();
                    for (int side = 0; side < 2; side++)
                    {
                        int s = side, me = a + side;
                        Harness.Start($"pair{p}-{s}", () =>
                        {
                            while (!Harness.Stop)
                            {
                                waiting[me] = $"flag parity {s} (V={flag.V})";
                                Atomic.Run(() =>
                                {
                                    if (flag.V % 2 != s)
                                    {
                                        Atomic.Retry();
                                    }

                                    flag.V++;
                                });
                                Volatile.Write(ref progress[me], progress[me] + 1);
                            }
                        });
                    }

                    break;
                }

                case 1:
                {
                    // Side s waits for the other's counter to pass what it saw, then bumps its own (lock-free, outside).
                    TCounter[] counters = [new TCounter(), new TCounter()];
                    for (int side = 0; side < 2; side++)
                    {
                        int s = side, me = a + side;
                        Harness.Start($"pair{p}-{s}", () =>
                        {
                            long seen = 0;
                            if (s == 0)
                            {
                                counters[1].Add(1); // serve first
                            }

                            while (!Harness.Stop)
                            {
                                long last = seen;
                                waiting[me] = $"counter{1 - s} > {last}";
                                seen = Atomic.Run(() =>
                                {
                                    long v = counters[1 - s].Value;
                                    if (v <= last)
                                    {
                                        Atomic.Retry();
                                    }

                                    return v;
                                });
                                counters[s].Add(1);
                                Volatile.Write(ref progress[me], progress[me] + 1);
                            }
                        });
                    }

                    break;
                }

                case 2:
                {
                    // One token passed between two queues; Dequeue alternately outside and inside a transaction.
                    TQueue<int>[] queues = [new TQueue<int>(), new TQueue<int>()];
                    queues[0].Enqueue(1);
                    for (int side = 0; side < 2; side++)
                    {
                        int s = side, me = a + side;
                        Harness.Start($"pair{p}-{s}", () =>
                        {
                            while (!Harness.Stop)
                            {
                                waiting[me] = $"queue{s}";
                                if ((progress[me] & 1) == 0)
                                {
                                    int token = queues[s].Dequeue();
                                    queues[1 - s].Enqueue(token);
                                }
                                else
                                {
                                    Atomic.Run(() =>
                                    {
                                        int token = queues[s].Dequeue();
                                        queues[1 - s].Enqueue(token);
                                    });
                                }

                                Volatile.Write(ref progress[me], progress[me] + 1);
                            }
                        });
                    }

                    break;
                }

                default:
                {
                    // Side 0 waits for fa or fb odd, makes it even and opens the gate; side 1 waits for the gate,
                    // closes it and makes fa or fb (at random) odd.
                    var fa = new Cell();
                    var fb = new Cell();
                    var gate = new Cell { V = 1 };
                    Harness.Start($"pair{p}-0", () =>
                    {
                        while (!Harness.Stop)
                        {
                            waiting[a] = $"fa odd || fb odd (fa={fa.V} fb={fb.V})";
                            Atomic.Run(() =>
                            {
                                Atomic.OrElse(() =>
                                {
                                    if (fa.V % 2 == 0)
                                    {
                                        Atomic.Retry();
                                    }

                                    fa.V++;
                                }, () =>
                                {
                                    if (fb.V % 2 == 0)
                                    {
                                        Atomic.Retry();
                                    }

                                    fb.V++;
                                });
                                gate.V = 1;
                            });
                            Volatile.Write(ref progress[a], progress[a] + 1);
                        }
                    });
                    Harness.Start($"pair{p}-1", () =>
                    {
                        var r = new Random();
                        while (!Harness.Stop)
                        {
                            waiting[b] = $"gate == 1 (gate={gate.V})";
                            bool useA = r.Next(2) == 0;
                            Atomic.Run(() =>
                            {
                                if (gate.V != 1)
                                {
                                    Atomic.Retry();
                                }

                                gate.V = 0;
                                if (useA)
                                {
                                    fa.V++;
                                }
                                else
                                {
                                    fb.V++;
                                }
                            });
                            Volatile.Write(ref progress[b], progress[b] + 1);
                        }
                    });
                    break;
                }
            }
        }

        // Watchdog: a side whose count stands still for 8 s is stuck (its partner waits for it, or it for a lost wake-up).
        var clock = Stopwatch.StartNew();
        var last = new long[progress.Length];
        var since = new long[progress.Length];
        while (clock.Elapsed.TotalSeconds < settings.Seconds && Harness.Violations < Harness.MaxRecorded)
        {
            Thread.Sleep(500);
            for (int i = 0; i < progress.Length; i++)
            {
                long v = Volatile.Read(ref progress[i]);
                if (v != last[i])
                {
                    last[i] = v;
                    since[i] = clock.ElapsedMilliseconds;
                }
                else if (clock.ElapsedMilliseconds - since[i] > 8000)
                {
                    Harness.Violation(
                        $"HANG pair {i / 2} ({s_kinds[i / 2 % 4]}) side {i % 2}: progress {v}, waiting for {waiting[i]}; " +
                        $"the other side: progress {Volatile.Read(ref progress[i ^ 1])}, waiting for {waiting[i ^ 1]}");
                    since[i] = long.MaxValue / 2; // report once
                }
            }
        }

        Harness.RequestStop();
        gc?.Join();

        // The pair threads are not joined: a stuck pair would never end, and the process exits under them.
        long steps = progress.Sum();
        return new ScenarioResult(steps, $"pingpong pairs={pairs} steps per side: {string.Join(",", progress)} total={steps}");
    }
}
