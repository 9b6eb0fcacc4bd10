//// CONFIG: Preview Enable ConsoleApplication
//// FILE: A.cs
using System;
using System.Threading.Tasks;
using Stm;
namespace N;

[Transactional]
public partial class Counter
{
    public partial int Value { get; set; }
    public partial string? Name { get; set; }
    public partial Counter? Next { get; set; }
    public partial (int A, int B) Pair { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var c = new Counter();
        Counter? maybe = c;
        c.Value += 1;
        c.Value++;
        maybe?.Value += 2;
        c.Next?.Value -= 3;
        c.Name ??= "x";
        c.Name += "y";
        int old = c.Value++;
        Console.WriteLine(c.Value--);
        var t = Task.Run(() => c.Value *= 2);
        Parallel(c);
        int[] values = [c.Value++, c.Value++];
        c.Value = c.Value switch { 0 => 1, var v => v + 1 };
        c.Pair = (c.Pair.A + 1, c.Pair.B);
        (c.Value, old) = (old, c.Value);
        Func<int> f = () => c.Value++;
        c.Next!.Next!.Value <<= 1;
        t.Wait();
        Console.WriteLine(f() + values.Length + old);
    }

    private static void Parallel(Counter c) => System.Threading.Tasks.Parallel.For(0, 2, i => { c.Value += i; });
}
