//// CONFIG: Preview Enable ConsoleApplication
//// FILE: A.cs
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Stm;
namespace N;
[Transactional] public partial class Acc { public partial long Bal { get; set; } public long Plain; public partial Acc? Next { get; set; } }
public static class Program
{
    static readonly object Gate = new();
    [TransactionUnsafe("io")] static void Log(string s) => File.AppendAllText("log", s);
    [TransactionSafe] static void Safe() => Console.WriteLine();
    static void Indirect() => Log("x");
    static void Rec(int n) { if (n > 0) Rec(n - 1); else Indirect(); }
    public static async Task Main()
    {
        var a = new Acc();
        a.Bal += 1;
        a.Bal = a.Bal + 1;
        a.Next!.Bal++;
        Atomic.Retry();
        Atomic.OnCommit(() => { });
        Atomic.BecomeInevitable();
        Atomic.Run(() =>
        {
            a.Plain = 1;
            Rec(3);
            Safe();
            lock (Gate) { }
            Monitor.Enter(Gate);
            Interlocked.Increment(ref a.Plain);
            Thread.Sleep(1);
            Task.Delay(1).Wait();
            _ = Task.Run(() => 1).Result;
            Atomic.OnCommit(() => Console.WriteLine("ok"));
            a.Bal = a.Bal * 2;
        });
        await Task.Yield();
        Atomic.Run(async () => { await Task.Delay(1); });
        Atomic.Run(() => { Func<Task> f = async () => await Task.Delay(1); });
        var q = new TransactionQueue();
        q.Add(() => Console.WriteLine());
        Atomic.ForEach(new[] { 1, 2 }, i => { a.Bal += i; Log(i.ToString()); });
        Action body = () => Console.WriteLine();
        Atomic.Run(body);
        Atomic.Run(Indirect);
        Atomic.Run(delegate { Console.WriteLine(); });
        Atomic.Run(static () => Console.WriteLine());
    }
}
