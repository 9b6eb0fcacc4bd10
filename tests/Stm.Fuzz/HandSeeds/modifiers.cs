//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public abstract partial class Base { public virtual int V { get; set; } public abstract int A { get; set; } public int H { get; set; } }
[Transactional]
public abstract partial class C : Base
{
    public static partial int S { get; set; }
    public abstract partial int Abs { get; set; }
    public virtual partial int Virt { get; set; }
    public override partial int V { get; set; }
    public sealed override partial int A { get; set; }
    public new partial int H { get; set; }
    public extern partial int Ext { get; set; }
    protected internal partial int PI { get; private protected set; }
    internal partial string? Int { get; init; }
}
[Transactional]
public sealed partial class D : C
{
    public override partial int Virt { get; set; }
    public override int Abs { get; set; }
}
