//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public class Base
{
    public int P { get; set; }
    public int Q;
    public void R() { }
    protected int __stmInherited;
    public int MemberwiseClone2 => 0;
    public virtual void StmPublish(object copy) { }
}
[Transactional]
public partial class C : Base
{
    public new partial int P { get; set; }
    public partial int Q { get; set; }
    public partial int R { get; set; }
}
public class Base2 { private int __stm; private int __stm_X; internal int __stmPublish; }
[Transactional]
public partial class C2 : Base2 { public partial int X { get; set; } }
