using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: property accesses outside any transaction (each its own tiny transaction) mix safely with transactions.
/// One thread writes <c>Seq</c> = 1, 2, 3, ... and 32-byte structs outside transactions; it must read its own write
/// back, outside and in a transaction. An outside reader must see <c>Seq</c> never decrease and no torn struct.
/// Transactions must read <c>Seq</c> twice alike (repeatable reads), never see a torn struct, see each box's
/// transactionally-written fields (A, B = -A, Tag = A as text) consistent, and see <c>Seq</c> never decrease from one
/// transaction to the next on one thread.
/// </summary>
internal sealed class OutsideScenario : Scenario
{
    public override string Name => "outside";

    public override string Invariant => "writes outside transactions are seen in order, never torn, and transactions still read repeatably and consistently";

    public override string? WorkersMeaning => "transaction threads";

    public override string? SizeMeaning => "boxes";

    public override int DefaultSize => 8;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int n = settings.Size;
        var boxes = new Box[n];
        for (int i = 0; i < n; i++)
        {
            boxes[i] = new Box { P = new Quad(0), Tag = "0" };
        }

        var sequence = new Box();
        long outsideWrites = 0, transactions = 0, outsideReads = 0;
        var threads = new List<Thread>();

        threads.Add(Harness.Start("outside-writer", () =>
        {
            long s = 0;
            var r = new Random();
            while (!Harness.Stop)
            {
                s++;
                sequence.Seq = s;
                long back = sequence.Seq;
                if (back < s)
                {
                    Harness.Violation($"read of its own outside write returned {back} < {s}");
                }

                long inTransaction = Atomic.Run(() => sequence.Seq);
                if (inTransaction < s)
                {
                    Harness.Violation($"a transaction after an outside write of {s} read {inTransaction}");
                }

                boxes[r.Next(n)].P = new Quad(r.Next(1_000_000));
                outsideWrites++;
            }
        }));

        threads.Add(Harness.Start("outside-reader", () =>
        {
            var r = new Random();
            long last = 0;
            while (!Harness.Stop)
            {
                long s = sequence.Seq;
                if (s < last)
                {
                    Harness.Violation($"Seq read outside went backwards: {last} -> {s}");
                }

                last = s;
                Quad p = boxes[r.Next(n)].P;
                if (!p.IsConsistent)
                {
                    Harness.Violation($"torn struct read outside a transaction: {p}");
                }

                outsideReads++;
            }
        }));

        // Transactions keep A == P.X, B == -A and Tag == A as text for each box they touch.
        for (int w = 0; w < settings.Workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("transactions" + w, () =>
            {
                var r = new Random(seed + Environment.TickCount);
                long lastSeq = 0;
                while (!Harness.Stop)
                {
                    int i = r.Next(n), j = r.Next(n);
                    long seen = Atomic.Run(() =>
                    {
                        long s1 = sequence.Seq;
                        Box b = boxes[i];
                        Quad p = b.P;
                        if (!p.IsConsistent)
                        {
                            throw Harness.Fail($"torn struct inside a transaction: {p}");
                        }

                        b.A = p.X;
                        b.B = -p.X;
                        b.Tag = p.X.ToString(CultureInfo.InvariantCulture);

                        // P may have moved on since (outside writes); A, B and Tag are written together by transactions only.
                        Box c = boxes[j];
                        long a = c.A, bb = c.B;
                        string? tag = c.Tag;
                        if (a != -bb || tag != a.ToString(CultureInfo.InvariantCulture))
                        {
                            throw Harness.Fail($"box {j} inside a transaction: A={a} B={bb} Tag={tag}");
                        }

                        long s2 = sequence.Seq;
                        if (s2 != s1)
                        {
                            throw Harness.Fail($"non-repeatable read of Seq in a transaction: {s1} then {s2}");
                        }

                        return s1;
                    });
                    if (seen < lastSeq)
                    {
                        Harness.Violation($"Seq went backwards between one thread's transactions: {lastSeq} -> {seen}");
                    }

                    lastSeq = seen;
                    Interlocked.Increment(ref transactions);
                }
            }));
        }

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        if (sequence.Seq != outsideWrites)
        {
            Harness.Violation($"final Seq {sequence.Seq} != outside writes {outsideWrites}");
        }

        return new ScenarioResult(
            outsideWrites + outsideReads + transactions,
            $"outside boxes={n} workers={settings.Workers} outsideWrites={outsideWrites} outsideReads={outsideReads} transactions={transactions} seq={sequence.Seq}");
    }
}
