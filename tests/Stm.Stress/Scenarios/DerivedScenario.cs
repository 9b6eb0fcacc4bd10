using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Invariant: an object's fields are always mutually consistent, across a class hierarchy. Every object of a
/// three-level hierarchy (and a sibling) derives all its fields (long, string, double, a 32-byte struct, object,
/// decimal, Guid, int, byte, tuple) from one value <c>A</c>, written together by <c>SetA</c>; the sum of all
/// <c>A</c> is constant. Exercises the private-copy pool and publication with many runtime types and field sizes,
/// nested blocks that commit or roll back, and a top-level throw. Outside transactions, each struct-typed property
/// read alone must never be torn.
/// </summary>
internal sealed partial class DerivedScenario : Scenario
{
    private const long Initial = 100;

    public override string Name => "derived";

    public override string Invariant => "fields of derived-class objects stay consistent with each other and the sum of A is constant (inside transactions and at the end); no torn struct read outside";

    public override string? SizeMeaning => "objects (a quarter of each class)";

    public override int DefaultSize => 64;

    public override ScenarioResult Run(ScenarioSettings settings)
    {
        int n = settings.Size;
        var objects = new BaseObject[n];
        for (int i = 0; i < n; i++)
        {
            BaseObject o = (i % 4) switch
            {
                0 => new BaseObject { Id = i },
                1 => new MiddleObject { Id = i },
                2 => new LeafObject { Id = i },
                _ => new SiblingObject { Id = i },
            };

            // Outside a transaction: one single-write transaction per property (no one else runs yet).
            o.SetA(Initial);
            objects[i] = o;
        }

        long total = Initial * n;
        long transactions = 0, checks = 0, thrown = 0, outsideReads = 0;
        var threads = new List<Thread>();

        string? CheckAll(int from, int count, out long sum)
        {
            sum = 0;
            for (int k = 0; k < count; k++)
            {
                BaseObject o = objects[(from + k) % n];
                if (o.Check() is string problem)
                {
                    return problem;
                }

                sum += o.A;
            }

            return null;
        }

        for (int w = 0; w < settings.Workers; w++)
        {
            int seed = w;
            threads.Add(Harness.Start("derived" + w, () =>
            {
                var r = new Random(seed + Environment.TickCount);
                while (!Harness.Stop)
                {
                    int chain = r.Next(2, 6);
                    var index = new int[chain];
                    for (int k = 0; k < chain; k++)
                    {
                        index[k] = r.Next(n);
                    }

                    long amount = r.Next(1, 1000);
                    int mode = r.Next(10);
                    int victim = r.Next(n);
                    try
                    {
                        Atomic.Run(() =>
                        {
                            // Move the amount along the chain index[0] -> index[1] -> ... -> index[chain - 1].
                            for (int k = 0; k + 1 < chain; k++)
                            {
                                BaseObject a = objects[index[k]], b = objects[index[k + 1]];
                                if ((a.Check() ?? b.Check()) is string problem)
                                {
                                    throw Harness.Fail("inside a transaction: " + problem);
                                }

                                a.SetA(a.A - amount);
                                b.SetA(b.A + amount);
                            }

                            if (mode == 0)
                            {
                                // A nested block writes more objects of mixed types, then throws: all of it must vanish.
                                try
                                {
                                    Atomic.Run(() =>
                                    {
                                        for (int k = 0; k < chain; k++)
                                        {
                                            objects[index[k]].SetA(objects[index[k]].A + 12345);
                                        }

                                        objects[victim].SetA(-1);
                                        throw new InvalidOperationException("inner");
                                    });
                                }
                                catch (InvalidOperationException)
                                {
                                }

                                for (int k = 0; k < chain; k++)
                                {
                                    if (objects[index[k]].Check() is string problem)
                                    {
                                        throw Harness.Fail("after a nested rollback: " + problem);
                                    }
                                }
                            }
                            else if (mode == 1)
                            {
                                // Two nested blocks that commit into the parent and cancel out.
                                Atomic.Run(() =>
                                {
                                    BaseObject a = objects[index[0]], b = objects[index[chain - 1]];
                                    a.SetA(a.A + 5);
                                    b.SetA(b.A - 5);
                                });
                                Atomic.Run(() =>
                                {
                                    BaseObject a = objects[index[0]], b = objects[index[chain - 1]];
                                    a.SetA(a.A - 5);
                                    b.SetA(b.A + 5);
                                });
                            }
                            else if (mode == 2)
                            {
                                // A write, then a throw out of the top level: the whole transaction rolls back.
                                objects[index[0]].SetA(999999);
                                throw new ArgumentException("top");
                            }
                        });
                        Interlocked.Increment(ref transactions);
                    }
                    catch (ArgumentException)
                    {
                        Interlocked.Increment(ref thrown);
                    }
                }
            }));
        }

        threads.Add(Harness.Start("checker", () =>
        {
            var r = new Random();
            while (!Harness.Stop)
            {
                bool full = r.Next(20) == 0;
                int from = r.Next(n);
                int count = full ? n : r.Next(1, 40);
                Atomic.Run(() =>
                {
                    if (CheckAll(from, count, out long sum) is string problem)
                    {
                        throw Harness.Fail("checker: " + problem);
                    }

                    if (full && sum != total)
                    {
                        throw Harness.Fail($"checker total {sum} != {total}");
                    }
                });
                Interlocked.Increment(ref checks);
            }
        }));

        // Outside transactions, only one property at a time can be checked: a struct must never be torn.
        threads.Add(Harness.Start("outside-reader", () =>
        {
            var r = new Random();
            while (!Harness.Stop)
            {
                BaseObject o = objects[r.Next(n)];
                if (o is MiddleObject middle && middle.P is { IsConsistent: false } p)
                {
                    Harness.Violation($"torn read of P outside a transaction: {p}");
                }

                if (o is LeafObject leaf && leaf.G is Guid g && !LeafObject.IsWellFormed(g))
                {
                    Harness.Violation($"torn read of G outside a transaction: {g}");
                }

                if (o is SiblingObject sibling && sibling.T is var t && t.Item1 != -t.Item2)
                {
                    Harness.Violation($"torn read of T outside a transaction: {t}");
                }

                outsideReads++;
            }
        }));

        if (settings.Gc)
        {
            threads.Add(Harness.GcThread(20));
        }

        Harness.RunFor(settings.Seconds, threads);
        if (CheckAll(0, n, out long finalSum) is string finalProblem)
        {
            Harness.Violation("final: " + finalProblem);
        }

        if (finalSum != total)
        {
            Harness.Violation($"final total {finalSum} != {total}");
        }

        return new ScenarioResult(
            transactions + thrown + checks,
            $"derived objects={n} workers={settings.Workers} transactions={transactions} thrown={thrown} checks={checks} outsideReads={outsideReads}");
    }

    [Transactional]
    internal partial class BaseObject
    {
        public int Id { get; init; }

        public partial long A { get; set; }

        public partial string? S { get; set; }

        public virtual void SetA(long value)
        {
            A = value;
            S = value.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Null if the fields agree, else what is wrong.</summary>
        public virtual string? Check()
        {
            long a = A;
            string? s = S;
            return s == a.ToString(CultureInfo.InvariantCulture) ? null : $"{GetType().Name}#{Id}: A={a} S={s}";
        }
    }

    [Transactional]
    internal partial class MiddleObject : BaseObject
    {
        public partial double D { get; set; }

        public partial Quad P { get; set; }

        public override void SetA(long value)
        {
            base.SetA(value);
            D = value;
            P = new Quad(value * 3);
        }

        public override string? Check()
        {
            if (base.Check() is string problem)
            {
                return problem;
            }

            long a = A;
            double d = D;
            Quad p = P;
            return d == a && p.Is(a * 3) ? null : $"{GetType().Name}#{Id}: A={a} D={d} P={p}";
        }
    }

    [Transactional]
    internal sealed partial class LeafObject : MiddleObject
    {
        public partial object? Ref { get; set; }

        public partial long B { get; set; }

        public partial decimal M { get; set; }

        public partial Guid G { get; set; }

        /// <summary>The Guid <see cref="SetA"/> stores: its constant bytes 6..15 show whether a read tore it.</summary>
        public static Guid GuidFor(long value) => new((int)value, (short)(value >> 32), 0, 1, 2, 3, 4, 5, 6, 7, 8);

        public static bool IsWellFormed(Guid g)
        {
            byte[] bytes = g.ToByteArray();
            return bytes[6] == 0 && bytes[7] == 0 && bytes[8] == 1 && bytes[15] == 8;
        }

        public override void SetA(long value)
        {
            base.SetA(value);
            Ref = value + 7; // boxed: a reference field
            B = -value;
            M = value;
            G = GuidFor(value);
        }

        public override string? Check()
        {
            if (base.Check() is string problem)
            {
                return problem;
            }

            long a = A;
            object? r = Ref;
            long b = B;
            decimal m = M;
            Guid g = G;
            return r is long boxed && boxed == a + 7 && b == -a && m == a && g == GuidFor(a)
                ? null
                : $"Leaf#{Id}: A={a} Ref={r} B={b} M={m} G={g}";
        }
    }

    [Transactional]
    internal sealed partial class SiblingObject : BaseObject
    {
        public partial int I { get; set; }

        public partial byte Bt { get; set; }

        public partial (long, long) T { get; set; }

        public override void SetA(long value)
        {
            base.SetA(value);
            I = (int)value;
            Bt = (byte)value;
            T = (value, -value);
        }

        public override string? Check()
        {
            if (base.Check() is string problem)
            {
                return problem;
            }

            long a = A;
            int i = I;
            byte bt = Bt;
            (long, long) t = T;
            return i == (int)a && bt == (byte)a && t.Item1 == a && t.Item2 == -a ? null : $"Sibling#{Id}: A={a} I={i} Bt={bt} T={t}";
        }
    }
}
