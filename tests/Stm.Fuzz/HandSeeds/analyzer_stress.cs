//// CONFIG: Preview Enable ConsoleApplication
//// FILE: A.cs
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Stm;
namespace N;
[Transactional] public partial class Acc { public partial int P { get; set; } public partial Acc? Next { get; set; } public int F; public static int S; }
public static class Tx
{
    public static void InTx(this Action a) => Atomic.Run(a);
    public static void Many(params Action[] bodies) { foreach (var b in bodies) Atomic.Run(b); }
    public static void Named(int n = 0, Action? body = null) => Atomic.Run(body: body!);
    public static T Gen<T>(Func<T> f) => Atomic.Run<T>(f);
    public static void RefBody(ref Action a) => Atomic.Run(a);
    public static void Cond(bool c, Action a, Action b) => Atomic.Run(c ? a : b);
    public static void Cast(Delegate d) => Atomic.Run((Action)d);
    public static void Deep1(Action a) => Deep2(a);
    public static void Deep2(Action a) => Deep3(a);
    public static void Deep3(Action a) => Deep4(a);
    public static void Deep4(Action a) => Deep5(a);
    public static void Deep5(Action a) => Atomic.Run(a);
    public static void Rec(Action a, int n) { if (n == 0) Atomic.Run(a); else Rec(a, n - 1); }
    public static void Mutual1(Action a) => Mutual2(a);
    public static void Mutual2(Action a) => Mutual1(a);
    public static void Local(Action a) { void L(Action x) => Atomic.Run(x); L(a); }
}
public class Holder { public Holder(Action a) => Atomic.Run(a); public int Field; public static int SField; public Holder? Other; }
public struct Pt { public int X; }
public static class Program
{
    static Pt s_pt;
    static void Log() => File.AppendAllText("x", "y");
    static async Task LogAsync() { await Task.Delay(1); }
    public static void Main(string[] args)
    {
        var a = new Acc();
        var h = new Holder(() => Console.WriteLine());
        Atomic.Run(null!);
        Atomic.Run(default(Action)!);
        Atomic.Run(body: () => Console.WriteLine());
        ((Action)(() => Console.WriteLine())).InTx();
        Tx.Many(() => Console.WriteLine(), () => Log());
        Tx.Named(body: () => Console.WriteLine());
        Tx.Gen(() => Console.Read());
        Action act = () => Console.WriteLine();
        Tx.RefBody(ref act);
        Tx.Cond(true, () => Console.WriteLine(), () => Console.Beep());
        Tx.Deep1(() => Console.WriteLine());
        Tx.Rec(() => Console.WriteLine(), 3);
        Tx.Mutual1(() => Console.WriteLine());
        Tx.Local(() => Console.WriteLine());
        Atomic.Run(Log);
        Atomic.Run(Console.WriteLine);
        Atomic.Run(LogAsync);
        Atomic.ForEach(args, Console.WriteLine);
        Atomic.ForEach(args, async s => await Task.Delay(1));
        Atomic.OnCommit(Log);
        Atomic.Run(() =>
        {
            h.Field = 1;
            Holder.SField++;
            h.Other!.Field += 1;
            s_pt.X = 3;
            var local = new Holder(() => { });
            local.Field = 2;
            new Holder(() => { }).Field = 4;
            a.F = 1;
            Acc.S = 2;
            a.P = a.P + 1;
            a.Next!.P++;
            int[] arr = new int[3]; arr[0] = 1;
            (a.P, h.Field) = (1, 2);
            a.P ??= 0;
            Atomic.OnCommit(() => { a.P++; Log(); Atomic.Retry(); });
            Atomic.OnAbort(() => Console.WriteLine());
            Atomic.BecomeInevitable();
            Console.WriteLine();
            foreach (var l in File.ReadLines("x")) { }
            using var fs = new FileStream("x", FileMode.Open);
            var q = from x in args select File.Exists(x);
            lock (h) { Monitor.Wait(h); }
            Interlocked.Increment(ref h.Field);
            var t = Task.Run(() => 1).GetAwaiter().GetResult();
            SpinWait.SpinUntil(() => true);
            dynamic d = h; d.Field = 5; d.Foo();
            Func<int> f = () => a.P++;
            int Local2() => a.P++;
            unsafe { int* p = stackalloc int[1]; *p = 1; }
            _ = $"{a.P} {Console.ReadLine()}";
            var (x1, y1) = (1, 2);
            _ = a.P switch { > 0 => Console.Read(), _ => 0 };
            throw new IOException();
        });
        a.P++;
        a.P += 1;
        a.Next!.P = a.Next.P * 2;
        Atomic.Retry();
        Atomic.BecomeInevitable();
        Atomic.OnAbort(() => { });
        Task.Run(() => { a.P++; Atomic.Retry(); });
        new Thread(() => a.P++).Start();
        var lazy = new Lazy<int>(() => a.P++);
        args.ToList().ForEach(_ => a.P++);
    }
}
