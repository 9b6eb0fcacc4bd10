//// CONFIG: Preview Enable ConsoleApplication
//// FILE: A.cs
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Stm;
namespace N;

[Transactional]
public partial class Account
{
    public partial long Balance { get; set; }
    public partial string? Owner { get; set; }
}

public static class Program
{
    public static void Main()
    {
        var a = new Account();
        var list = new List<int> { 1, 2 };
        Atomic.Run(() =>
        {
            a.Balance += 1;
            Console.WriteLine(a.Balance > 0 ? "pos" : "neg");
            var text = a.Balance switch { 0 => "zero", _ => File.ReadAllText("x") };
            foreach (int i in list)
            {
                Console.Write(i);
            }

            void Log(string s) => Console.Error.WriteLine(s);
            Log("local");
            if (a.Owner is { } owner)
            {
                Console.WriteLine($"owner {owner} {a.Balance}");
            }

            using (var w = new StringWriter())
            {
                Console.Out.Write(w.ToString());
            }

            Console.Out?.Flush();
            list.ForEach(i => Console.WriteLine(i));
            _ = list.Select(i => { Console.WriteLine(i); return i; }).ToList();
            Console.WriteLine(text);
        });
        long total = Atomic.Run(() => { Console.WriteLine("sum"); return a.Balance; });
        string s2 = Atomic.Run(() => Console.ReadLine() ?? "");
        Atomic.OrElse(() => Console.WriteLine("first"), () => { Console.WriteLine("second"); });
        Atomic.Run(() => throw new IOException(File.ReadAllText("y")));
        Console.WriteLine(total + s2);
    }
}
