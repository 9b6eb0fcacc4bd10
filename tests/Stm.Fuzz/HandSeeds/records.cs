//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Text;
using Stm;
namespace R;
[Transactional]
public partial record Person(string Name, int Age)
{
    public partial string? Nick { get; set; }
    public int Field;
    public readonly int RO = 1;
    public event Action? Changed;
    public int Computed => Age * 2;
    public unsafe int* Ptr;
    public int GetOnly { get; } = 3;
    public int F2 { get => field; set => field = value; }
    public int F3 { get => field; }
    public static int S { get; set; }
    public const int K = 1;
}
[Transactional]
public sealed partial record Employee(string Name, int Age, decimal Salary) : Person(Name, Age)
{
    public partial decimal Bonus { get; set; }
}
[Transactional]
public partial record Empty;
[Transactional]
public partial record WithUser(int X)
{
    public partial int Y { get; set; }
    public virtual bool Equals(WithUser? other) => true;
    public override int GetHashCode() => 0;
    protected virtual bool PrintMembers(StringBuilder builder) => false;
    protected WithUser(WithUser original) { X = original.X; }
}
[Transactional]
public abstract partial record Abs
{
    public abstract int A { get; }
    public partial int B { get; set; }
}
public record PlainBase(int Z);
[Transactional]
public partial record OnPlain(int Z) : PlainBase(Z) { public partial int W { get; set; } }
