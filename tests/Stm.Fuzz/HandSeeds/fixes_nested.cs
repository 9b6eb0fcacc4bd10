//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using Stm;
namespace N
{
    public partial record Rec
    {
        public interface IOuter
        {
            [Transactional]
            /* c */ class Inner /* d */ : Object // e
            {
                #if DEBUG
                public int F;
                #endif
                [NonSerialized] public int G; // trailing
                public int H { get; set; } // trailing
                public int I { get; set; } = 1;
                public int J { get; private set; }
                public int K { get; set => field = value; }
                public partial int L { get; set; }
                public partial int M { get; set; }
                public Inner() { L = 1; M = 2; }
                public static Inner Make() => new Inner { M = 3 };
                public void Bump(Inner o) { o.L++; o.L = o.L + 1; o.L ??= 1; o.L += o.L; }
            }
        }
    }
    [Transactional] class NoMods { int F; }
    [Transactional] public class WithBase : System.Exception { public int F; }
    [Transactional]
    public class
    Split { }
    static class Holder { [Transactional] class In { } }
    public struct S { [Transactional] public class In2 { } }
}
//// FILE: B.cs
namespace N;
[Stm.Transactional] public partial class Two { }
//// FILE: C.cs
namespace N;
public class Two { public int X; }
