//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using Stm;
namespace N;
public interface I { int X { get; set; } int Y { get; } event Action E; }
[Transactional]
public partial record R<T>(T First, int Second) : I where T : notnull
{
    int I.X { get => 0; set { } }
    int I.Y => 1;
    event Action I.E { add { } remove { } }
    public partial T? Cur { get; set; }
    public partial List<T>? Items { get; set; }
    public partial (T a, int b) Tup { get; set; }
    public partial string S { get; set; } = default!;
    public required partial int Req { get; init; }
    private protected int Hidden { get; set; }
    internal int Internal;
    public int this[int i] => i;
    public static R<T>? Shared { get; set; }
    public event Action? Changed;
    public override string ToString() => "R";
}
[Transactional]
public abstract partial record Base { public partial int B { get; set; } public abstract int A { get; init; } }
[Transactional]
public sealed partial record Derived : Base { public override int A { get; init; } public partial int D { get; set; } public sealed override string ToString() => ""; }
[Transactional]
public partial record Deeper(int Z) : Base { public override int A { get; init; } = Z; }
