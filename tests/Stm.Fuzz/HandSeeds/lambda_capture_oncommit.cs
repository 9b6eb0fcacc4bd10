// Shapes the STM0010 OnCommit fix must not defer (spans, ref and fixed locals, pointers, using resources, await,
// out var used later, writes to locals), next to shapes it may defer.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: OnCommit.cs
using System;
using System.IO;
using System.Threading.Tasks;
using Stm;
public static unsafe class Ten
{
    static void R4() => Atomic.Run(() => { Span<byte> b = stackalloc byte[1]; Console.Out.Write((char)b[0]); });
    static void R5() => Atomic.Run(() => { ReadOnlySpan<char> b = "ab"; Console.Out.Write(b); });
    static void R7() => Atomic.Run(() => { Console.WriteLine(int.TryParse("1", out var v)); Console.WriteLine(v); });
    static void R7b() => Atomic.Run(() => { Console.WriteLine(int.TryParse("1", out var v)); });
    static void W1() => Atomic.Run(() => { int n = 0; Console.WriteLine(n++); Console.Beep(n, 1); });
    static void W2() => Atomic.Run(() => { int n; Console.WriteLine(n = 3); Console.Beep(n, 1); });
    static void P1() => Atomic.Run(() => { int* p = stackalloc int[1]; Console.WriteLine(*p); });
    static void Fx() => Atomic.Run(() => { int[] a = { 1 }; fixed (int* p = a) { Console.WriteLine(*p); } });
    static void U1() => Atomic.Run(() => { using var w = new StringWriter(); Console.Out.Write(w); });
    static void U2() => Atomic.Run(() => { using (var w = new StringWriter()) { Console.Out.Write(w); } });
    static void RefL() => Atomic.Run(() => { int x = 1; ref int r = ref x; Console.WriteLine(r); });
    static void Ok1(int k) => Atomic.Run(() => { int m = k; Console.WriteLine(m); });
    static void Ok2() => Atomic.ForEach(new[] { 1 }, i => Console.WriteLine(i));
    static void Ok3() => Atomic.Run(() => { Console.WriteLine(int.TryParse("1", out var v) ? v : 0); });
    static void Val() => Atomic.Run(() => { var s = Console.ReadLine(); });
}
public static class Asy { static void Aw() => Atomic.Run(async () => { Console.WriteLine(await Task.FromResult(1)); }); }
public struct S10
{
    int _k;
    public void M() { int k = _k; Atomic.Run(() => Console.WriteLine(k)); }
}
