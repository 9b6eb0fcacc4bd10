// Shapes the STM0015 fix (wrap in Atomic.Run) must not move into a lambda (ref/in/out parameters, spans, ref and fixed
// locals, a struct's this, await, out var used later, writes to outer locals), next to shapes it may move.
//// CONFIG: Preview Enable ConsoleApplication
//// FILE: Run.cs
using System;
using System.Linq;
using System.Threading.Tasks;
using Stm;
[Transactional] public partial class Acc { public partial int P { get; set; } }
public struct Holder
{
    private Acc _a;
    public Holder(Acc a) { _a = a; }
    public void Bump() { _a.P += 1; }
}
public struct Primary(Acc a)
{
    public void Bump() { a.P += 1; }
}
public ref struct RefHolder
{
    public Span<int> S;
    public void Bump(Acc a) { a.P += S[0]; }
}
public static class AsyncOnes { public static async Task Aw(Acc a) { a.P += await Task.FromResult(1); } }
public partial class Acc { public static Acc S = new(); }
public static unsafe class Other
{
    static Acc s = new();
    static int Unsafe0;
    public static void Main()
    {
        int q = 0; int z = 1;
        R1(ref Unsafe0, s); R2(s); R3("1"); R6(s); In1(in q, s); Out1(out q, s); RR(in q, s);
        new Holder(s).Bump(); new Primary(s).Bump(); new RefHolder().Bump(s);
        Sp(stackalloc int[1], s); RoS("ab", s); AsyncOnes.Aw(s).Wait(); Da(s); Da2(s); Pat(s, 1); Decl(s); Ptr(s); Fx(s); Inc(s, 1); InArg(s, 1); ByVal(s, 1);
        Inside(s); LocalUse(s); Scoped(s, stackalloc int[1]); Q(s); Parl(s); RefRo(in z, s); Static(s); Arg(s);
    }
    static void R1(ref int x, Acc a) { a.P += x; }
    static void In1(in int x, Acc a) { a.P += x; }
    static void Out1(out int x, Acc a) { x = 1; a.P += x; }
    static void RR(ref readonly int x, Acc a) { a.P += x; }
    static void RefRo(in int x, Acc a) { a.P += x; }
    static void R2(Acc a) { Span<int> sp = stackalloc int[1]; a.P += sp[0]; }
    static void R3(string t) { s.P += int.TryParse(t, out var v) ? v : 0; Console.WriteLine(v); }
    static void R6(Acc a) { ref int r = ref Unsafe0; a.P += r; }
    static void Sp(Span<int> sp, Acc a) { a.P += sp[0]; }
    static void RoS(ReadOnlySpan<char> sp, Acc a) { a.P += sp.Length; }
    static void Scoped(Acc a, scoped Span<int> sp) { a.P += sp.Length; }
    static void Da(Acc a) { int v; a.P += (v = 3); Console.WriteLine(v); }
    static void Da2(Acc a) { int v; a.P += int.TryParse("1", out v) ? v : 0; Console.WriteLine(v); }
    static void Pat(Acc a, object o) { a.P += o is int n ? n : 0; }
    static void Decl(Acc a) { a.P += int.TryParse("1", out var v) ? v : 0; }
    static void Ptr(Acc a) { int* p = stackalloc int[1]; a.P += *p; }
    static void Fx(Acc a) { int[] arr = { 1 }; fixed (int* p = arr) { a.P += *p; } }
    static void Inc(Acc a, int n) { a.P += n++; Console.WriteLine(n); }
    static int Take(in int x) => x;
    static void InArg(Acc a, int n) { a.P += Take(in n); }
    static void ByVal(Acc a, int n) { a.P += n; }
    static void Inside(Acc a) { a.P += new Func<int, int>(k => { int m = k; return m; })(1); }
    static void LocalUse(Acc a) { int m = 2; a.P += m; Console.WriteLine(m); }
    static void Q(Acc a) { foreach (var x in from i in new[] { 1 } select a.P += i) { } }
    static void Parl(Acc a) { Parallel.For(0, 2, static i => Acc.S.P += i); }
    static void Static(Acc a) { static void L(Acc b, ref int y) { b.P += y; } int w = 0; L(a, ref w); }
    static void Arg(Acc a) { Console.WriteLine(a.P++); }
}
