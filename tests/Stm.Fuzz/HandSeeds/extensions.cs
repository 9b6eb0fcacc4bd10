//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public static partial class Ext
{
    extension(C c)
    {
        public int Twice => c.P * 2;
        public void Bump() { c.P++; }
        public static int Zero => 0;
    }
    extension<T>(T t) where T : class
    {
        public T Self => t;
    }
    [Transactional] public partial class InExt { public partial int Y { get; set; } }
}
[Transactional]
public partial class C
{
    public partial int P { get; set; }
    public void M() { Atomic.Run(() => { this.Bump(); _ = this.Twice; }); this.Bump(); }
}
