//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using Stm;
namespace N;
[Transactional]
public partial class C
{
    public int A, B;
    public volatile int V;
    public int I = 5;
    public int P { get; set; } = 3;
    public int Q { get; set; }
    public int R { get; private set; }
    public int S { get => field; set => field = value; }
    public static int Static;
    public List<int> L = new();
    public int[] Arr = new int[1];
    public partial int Ctor { get; set; }
    public partial int Init { get; set; }
    public C(int x) { Ctor = x; Init = x; }
    public static C Make() => new C(1) { Init = 2 };
    public void M(C other)
    {
        other.Ctor += 1;
        Q++;
        Atomic.Run(() => { Console.WriteLine(A); A = 1; L.Add(1); Arr[0] = 2; });
        int n = Atomic.Run(() => Console.Read());
        Atomic.Run(() => Console.WriteLine("expr"));
        Atomic.Run(() => { Atomic.Run(() => Console.Beep()); });
        Func<int> f = () => Atomic.Run(() => { Console.WriteLine(); return 1; });
        Atomic.OrElse(() => Console.WriteLine(), () => Console.WriteLine());
    }
}
