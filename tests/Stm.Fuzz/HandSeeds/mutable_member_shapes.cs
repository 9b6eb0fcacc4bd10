//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Stm;
namespace N;

public struct Point { public int X; public void Move() => X++; public readonly int Read() => X; }

[Transactional]
public partial class Shapes
{
    public int Plain;
    public int WrittenInCtor;
    public int WrittenInInit;
    public Point Struct;
    public Point ReadOnlyUse;
    public int PassedIn;
    public int Interlocked1;
    public long Volatile1;
    public required int Required1;
    [ThreadStatic] public static int NotInstance;
    public int Tuple1, Tuple2;
    public int? Nullable1;
    public event Action? Changed;
    public int Auto { get; set; }
    public int AutoPrivateSet { get; private set; }
    public int AutoInitialized { get; set; } = 3;
    public List<int> Items { get; set; } = new();
    public int InitProp { get; set; }
    public int Lambda;
    public int Nameof;
    public int RefReadonly;

    public Shapes()
    {
        WrittenInCtor = 1;
        Struct.Move();
        (Tuple1, Tuple2) = (1, 2);
        Action a = () => Lambda = 1;
        a();
    }

    public int InitOnly { init { WrittenInInit = value; } }

    public void Use(Shapes other)
    {
        Plain = ReadOnlyUse.Read();
        Take(in PassedIn);
        System.Threading.Interlocked.Increment(ref Interlocked1);
        Volatile.Write(ref Volatile1, 2);
        Nullable1 ??= 4;
        Changed?.Invoke();
        other.InitProp = 2;
        AutoPrivateSet = 5;
        Console.WriteLine(nameof(Nameof));
        ref readonly int r = ref RefReadonly;
        Console.WriteLine(r);
    }

    public Shapes Clone() => new Shapes { InitProp = 1, Required1 = 2 };

    private static void Take(in int value) => Console.WriteLine(value);
}

[Transactional]
public partial record Rec
{
    public int Field;
    public int Prop { get; set; }
    public Rec Copy() => this with { Field = 1, Prop = 2 };
}
