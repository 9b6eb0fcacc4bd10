using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Stm.Collections;

namespace Stm.Stress;

/// <summary>
/// Invariant: every task of a <see cref="TransactionQueue"/> commits exactly once, and <see cref="Atomic.ForEach"/>
/// equals a serial loop. Rounds of a queue with random parallelism (1-8): tasks add child tasks (directly and from
/// nested blocks), add a task from a nested block that rolls back (it must never run), write shared cells and a
/// counter; a few tasks throw (they must not commit, <c>Run</c> must throw an <see cref="AggregateException"/> of
/// exactly them, and later <c>Run</c>s must finish the rest). Every task started must commit or be a thrower; the
/// cells and the counter must change by exactly what committed tasks did. Every other round, a <c>ForEach</c> over up
/// to 3,000 items (one maybe throwing) and a nested <c>ForEach</c> inside a transaction. Every third round, tasks that
/// wait for one another in <c>Retry</c> (a queue or a <c>ForEach</c>) must all finish, in their turns' order; when
/// one of them throws, the run must end with its exception, and a queue must keep every task that did not commit; in
/// half of the queue rounds without a thrower, some tasks are added from outside while the queue runs.
/// </summary>
internal sealed class TransactionQueueScenario : Scenario
{
    public override string Name => "tq";

    public override string Invariant => "TransactionQueue tasks (recursive, throwing) commit exactly once and lose nothing; Atomic.ForEach equals a serial loop";

    public override string? WorkersMeaning => null;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        Thread? gc = settings.Gc ? Harness.GcThread(30) : null;
        var clock = Stopwatch.StartNew();
        int rounds = 0;
        long tasksCommitted = 0, failingRounds = 0, forEachRounds = 0, forEachItems = 0, waitChainRounds = 0, waitChainItems = 0;
        var random = new Random();
        var hot = new Cell[4];
        for (int i = 0; i < hot.Length; i++)
        {
            hot[i] = new Cell();
        }

        var counter = new TCounter();
        while (clock.Elapsed.TotalSeconds < settings.Seconds && Harness.Violations < Harness.MaxRecorded)
        {
            rounds++;
            if (!QueueRound(random, hot, counter, ref tasksCommitted, ref failingRounds))
            {
                break; // hung: the queue's threads are stuck, another round would only pile up more
            }

            if (rounds % 2 == 0)
            {
                forEachRounds++;
                forEachItems += ForEachRound(random);
            }

            if (rounds % 3 == 0)
            {
                waitChainRounds++;
                if (!WaitChainRound(random, ref waitChainItems))
                {
                    break; // hung, as above
                }
            }
        }

        Harness.RequestStop();
        gc?.Join();
        return new ScenarioResult(
            tasksCommitted + forEachItems + waitChainItems,
            $"tq rounds={rounds} tasks={tasksCommitted} failingRounds={failingRounds} forEachRounds={forEachRounds} forEachItems={forEachItems} waitChainRounds={waitChainRounds} waitChainItems={waitChainItems}");
    }

    /// <summary>A deterministic tree shape: how many children task <paramref name="id"/> at <paramref name="depth"/> adds.</summary>
    private static int ChildCount(long id, int depth, int seed) =>
        depth >= 6 ? 0 : (int)((((id * 2654435761L) ^ seed) % 4) + (depth < 2 ? 2 : 0)) % 5;

    /// <summary>One queue round; false if <c>Run</c> hung.</summary>
    private static bool QueueRound(Random random, Cell[] hot, TCounter counter, ref long tasksCommitted, ref long failingRounds)
    {
        int parallelism = random.Next(1, 9);
        int seed = random.Next();
        var queue = new TransactionQueue();
        var commits = new ConcurrentDictionary<long, int>();
        var started = new ConcurrentDictionary<long, int>();
        var throwers = new ConcurrentDictionary<long, bool>();
        long nextId = 0;
        long committedIdSum = 0;
        long hotBefore = Atomic.Run(() => hot.Sum(c => c.V));
        long counterBefore = counter.Value;
        var throwing = new HashSet<long>();
        if (random.Next(4) == 0)
        {
            for (int i = 0; i < 3; i++)
            {
                throwing.Add(random.Next(1, 400));
            }
        }

        Action MakeTask(long id, int depth) => () =>
        {
            started.AddOrUpdate(id, 1, (_, v) => v + 1);
            hot[(int)(id % hot.Length)].V += id;
            counter.Increment();
            int children = ChildCount(id, depth, seed);
            for (int i = 0; i < children; i++)
            {
                // Ids consumed by aborted attempts are skipped: harmless, ids only need to be unique.
                long child = Interlocked.Increment(ref nextId);
                if (i % 2 == 0)
                {
                    queue.Add(MakeTask(child, depth + 1));
                }
                else
                {
                    Atomic.Run(() => queue.Add(MakeTask(child, depth + 1)));
                }
            }

            try
            {
                Atomic.Run(() =>
                {
                    queue.Add(() => Harness.Violation("a task added in a rolled-back nested block ran"));
                    throw new InvalidOperationException();
                });
            }
            catch (InvalidOperationException)
            {
            }

            Atomic.OnCommit(() =>
            {
                commits.AddOrUpdate(id, 1, (_, v) => v + 1);
                Interlocked.Add(ref committedIdSum, id);
            });
            if (throwing.Contains(id))
            {
                throwers[id] = true;
                throw new ApplicationException("task " + id);
            }
        };

        int roots = random.Next(1, 30);
        for (int i = 0; i < roots; i++)
        {
            queue.Add(MakeTask(Interlocked.Increment(ref nextId), 0));
        }

        AggregateException? aggregate = null;
        var runner = new Thread(() =>
        {
            try
            {
                queue.Run(parallelism);
            }
            catch (AggregateException ex)
            {
                aggregate = ex;
            }
            catch (Exception ex)
            {
                Harness.Violation("TransactionQueue.Run threw something other than an AggregateException: " + ex);
            }
        })
        { IsBackground = true, Name = "queue-run" };
        runner.Start();
        if (!runner.Join(TimeSpan.FromSeconds(60)))
        {
            Harness.Violation($"TransactionQueue.Run hung (parallelism {parallelism}, {commits.Count} tasks committed, {queue.PendingCount} pending)");
            return false;
        }

        int pendingAfterFirstRun = queue.PendingCount;
        foreach (long thrower in throwers.Keys.Where(commits.ContainsKey))
        {
            Harness.Violation($"throwing task {thrower} committed");
        }

        if (!throwers.IsEmpty)
        {
            failingRounds++;
            var messages = new List<string>();
            if (aggregate is null)
            {
                Harness.Violation("tasks threw but Run did not throw");
            }
            else
            {
                messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
                if (aggregate.InnerExceptions.Any(e => e is not ApplicationException))
                {
                    Harness.Violation("Run's AggregateException holds more than the tasks' exceptions: " + aggregate);
                }
            }

            // The rest of the tasks: Run again until a Run does not throw.
            for (int again = 0; again < 10; again++)
            {
                try
                {
                    queue.Run(parallelism);
                    break;
                }
                catch (AggregateException ex)
                {
                    messages.AddRange(ex.InnerExceptions.Select(e => e.Message));
                }
            }

            if (queue.PendingCount != 0)
            {
                Harness.Violation($"{queue.PendingCount} tasks pending after draining a failed round");
            }

            List<string> expected = throwers.Keys.Select(t => "task " + t).Order(StringComparer.Ordinal).ToList();
            messages.Sort(StringComparer.Ordinal);
            if (!messages.SequenceEqual(expected))
            {
                Harness.Violation($"the AggregateExceptions held [{string.Join(",", messages)}], expected [{string.Join(",", expected)}]");
            }
        }
        else
        {
            if (aggregate is not null)
            {
                Harness.Violation("Run threw though no task threw: " + aggregate);
            }

            if (pendingAfterFirstRun != 0)
            {
                Harness.Violation($"{pendingAfterFirstRun} tasks pending after a successful Run");
            }
        }

        foreach (KeyValuePair<long, int> commit in commits.Where(c => c.Value != 1))
        {
            Harness.Violation($"task {commit.Key} committed {commit.Value} times");
        }

        // A child is added only by a parent attempt that commits (a rolled-back attempt's adds are dropped), so every
        // task that started at all must have committed, or be a thrower.
        foreach (long id in started.Keys.Where(id => !commits.ContainsKey(id) && !throwers.ContainsKey(id)))
        {
            Harness.Violation($"task {id} started but never committed");
        }

        long hotAfter = Atomic.Run(() => hot.Sum(c => c.V));
        if (hotAfter - hotBefore != committedIdSum)
        {
            Harness.Violation($"the cells changed by {hotAfter - hotBefore}, the committed tasks added {committedIdSum}");
        }

        if (counter.Value - counterBefore != commits.Count)
        {
            Harness.Violation($"the counter changed by {counter.Value - counterBefore} for {commits.Count} committed tasks");
        }

        tasksCommitted += commits.Count;
        return true;
    }

    /// <summary>One ForEach round: the committed items' effects equal a serial loop over them. Returns the items committed.</summary>
    private static long ForEachRound(Random random)
    {
        int n = random.Next(1, 3000);
        var cells = new Cell[3];
        for (int i = 0; i < 3; i++)
        {
            cells[i] = new Cell();
        }

        var committedTimes = new int[n];
        bool throwOne = random.Next(3) == 0;
        int badItem = random.Next(n);
        try
        {
            Atomic.ForEach(Enumerable.Range(0, n), i =>
            {
                cells[i % 3].V += i;
                cells[(i + 1) % 3].V -= 1;
                cells[(i + 2) % 3].V += 1;
                Atomic.OnCommit(() => Interlocked.Increment(ref committedTimes[i]));
                if (throwOne && i == badItem)
                {
                    throw new ApplicationException("item " + i);
                }
            }, random.Next(1, 9));
            if (throwOne)
            {
                Harness.Violation("ForEach did not throw for a throwing item");
            }
        }
        catch (AggregateException ex)
        {
            if (!throwOne || ex.InnerExceptions.Count != 1 || ex.InnerExceptions[0].Message != "item " + badItem)
            {
                Harness.Violation("ForEach's AggregateException: " + ex.Message);
            }
        }

        long expectedSum = 0;
        int committed = 0;
        for (int i = 0; i < n; i++)
        {
            if (committedTimes[i] > 1)
            {
                Harness.Violation($"ForEach item {i} committed {committedTimes[i]} times");
            }

            if (committedTimes[i] == 1)
            {
                expectedSum += i;
                committed++;
            }
        }

        if (throwOne && committedTimes[badItem] != 0)
        {
            Harness.Violation("ForEach's throwing item committed");
        }

        if (!throwOne && committed != n)
        {
            Harness.Violation($"ForEach committed {committed} of {n} items");
        }

        long total = Atomic.Run(() => cells[0].V + cells[1].V + cells[2].V);
        if (total != expectedSum)
        {
            Harness.Violation($"ForEach total {total} != {expectedSum}, the sum of the committed items");
        }

        // Inside a transaction ForEach runs the items one after another as nested blocks.
        var nested = new Cell();
        Atomic.Run(() => Atomic.ForEach(Enumerable.Range(0, 50), i => nested.V += i));
        if (nested.V != 1225)
        {
            Harness.Violation($"nested ForEach summed {nested.V}, not 1225");
        }

        return committed;
    }

    /// <summary>
    /// One round of tasks that wait for one another: task i waits (Retry) until a turn reaches i, then records i and
    /// passes the turn on. The tasks come in a random order, on a queue or a ForEach of random parallelism (1-8), so a
    /// worker often holds tasks whose turn is far off; they must hand their places over, and the turns must come in
    /// order 0..n-1. False if the run hung.
    /// </summary>
    private static bool WaitChainRound(Random random, ref long items)
    {
        int n = random.Next(2, 41);
        int parallelism = random.Next(1, 9);
        bool useQueue = random.Next(2) == 0;
        int[] arrival = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        int thrower = random.Next(3) == 0 ? random.Next(n) : -1; // its turn throws: the tasks after it can never run

        // Half of the queue rounds without a thrower add some tasks from this thread while the queue runs: a task waiting
        // for a late turn then needs the run's idle threads woken by the Add (the producer/sleeper handshake).
        int early = useQueue && thrower < 0 && random.Next(2) == 0 ? random.Next(n) : n;
        int lateAdded = 0;
        var queue = new TransactionQueue();
        var turn = new Cell();
        var order = new TList<int>();
        void Step(int i)
        {
            if (turn.V != i)
            {
                Atomic.Retry();
            }

            if (i == thrower)
            {
                throw new ApplicationException("turn " + i);
            }

            order.Add(i);
            turn.V = i + 1;
        }

        Exception? failure = null;
        int pendingAfter = 0;
        var runner = new Thread(() =>
        {
            try
            {
                if (useQueue)
                {
                    foreach (int i in arrival.Take(early))
                    {
                        queue.Add(() => Step(i));
                    }

                    try
                    {
                        // A run may end before the late tasks come (nothing left waiting): run again until all came and ran.
                        do
                        {
                            queue.Run(parallelism);
                            Thread.Yield();
                        }
                        while (early < n && (Volatile.Read(ref lateAdded) == 0 || queue.PendingCount > 0));
                    }
                    finally
                    {
                        pendingAfter = queue.PendingCount;
                    }
                }
                else
                {
                    Atomic.ForEach(arrival, Step, parallelism);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        { IsBackground = true, Name = "wait-chain" };
        runner.Start();
        foreach (int i in arrival.Skip(early))
        {
            if (random.Next(4) == 0)
            {
                Thread.Sleep(random.Next(2)); // sometimes after the run's threads went to sleep, sometimes while they go
            }
            else
            {
                Thread.SpinWait(random.Next(20_000));
            }

            queue.Add(() => Step(i));
        }

        Volatile.Write(ref lateAdded, 1);
        string what = $"{(useQueue ? "TransactionQueue" : "ForEach")} of {n} waiting tasks ({n - early} added while it ran), parallelism {parallelism}";
        if (!runner.Join(TimeSpan.FromSeconds(60)))
        {
            Harness.Violation($"{what} hung with the turn at {Atomic.Run(() => turn.V)}");
            return false;
        }

        int[] seen = order.ToArray();
        int expected = thrower < 0 ? n : thrower; // the turns before the thrower's commit, in order; none after
        if (turn.V != expected || !seen.SequenceEqual(Enumerable.Range(0, expected)))
        {
            Harness.Violation($"{what}, thrower {thrower}: turn {turn.V}, order [{string.Join(",", seen)}]");
        }

        if (thrower < 0 && failure is not null)
        {
            Harness.Violation($"{what} threw: {failure}");
        }

        if (thrower >= 0
            && !(failure is AggregateException { InnerExceptions.Count: 1 } aggregate && aggregate.InnerExceptions[0].Message == "turn " + thrower))
        {
            Harness.Violation($"{what}, thrower {thrower}: expected one AggregateException of its exception, got {failure?.ToString() ?? "none"}");
        }

        if (useQueue && pendingAfter != n - seen.Length - (thrower < 0 ? 0 : 1))
        {
            // Every task that neither committed nor threw is queued again: never started, or given back from its wait.
            Harness.Violation($"{what}, thrower {thrower}: {pendingAfter} tasks pending, {n - seen.Length - (thrower < 0 ? 0 : 1)} expected");
        }

        items += n;
        return true;
    }
}
