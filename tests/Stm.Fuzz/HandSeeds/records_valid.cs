//// CONFIG: Preview Enable ConsoleApplication
//// FILE: A.cs
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Stm;
namespace N;

public record PlainBase(int Id)
{
    public string? Note { get; init; }
}

[Transactional]
public partial record OnPlain(int Id, string Name) : PlainBase(Id)
{
    public partial int Count { get; set; }
    public required partial string Tag { get; init; }
    public static int Instances;
    public int Computed => Count * 2;

    [SetsRequiredMembers]
    public OnPlain(int id) : this(id, "n") { Tag = "t"; }
}

[Transactional]
public partial record Gen<T>(T Value) where T : IEquatable<T>
{
    public partial T? Other { get; set; }
    public virtual bool Equals(Gen<T>? other) => other is not null && Value.Equals(other.Value);
    public override int GetHashCode() => Value.GetHashCode();
}

[Transactional]
public sealed partial record GenDerived(string Value, int Extra) : Gen<string>(Value)
{
    public partial int More { get; set; }
    public sealed override string ToString() => "x";
}

[Transactional]
public partial record Printing
{
    public partial int A { get; set; }
    protected virtual bool PrintMembers(StringBuilder builder) { builder.Append("A"); return true; }
}

[Transactional]
public abstract partial record AbstractRec
{
    public abstract int Kind { get; }
    public partial int Shared { get; set; }
}

[Transactional]
public partial record Concrete : AbstractRec
{
    public override int Kind => 1;
    public partial List<int>? Items { get; set; }
    public Concrete With() => this with { Shared = 3, Items = new() };
}

public static class Program
{
    public static void Main()
    {
        var r = new OnPlain(1) { Count = 2 };
        var copy = Atomic.Run(() => r with { Count = 3, Tag = "u", Note = "n" });
        Console.WriteLine(copy == r);
        var g = new GenDerived("v", 1) { More = 2 };
        Console.WriteLine(g.Equals(new GenDerived("v", 1)));
        Console.WriteLine(new Concrete().With());
    }
}
