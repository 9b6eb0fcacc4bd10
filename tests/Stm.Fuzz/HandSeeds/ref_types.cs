//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using Stm;
namespace N;
[Transactional]
public unsafe partial class C
{
    private int _x;
    public partial ref int R { get; }
    public partial ref readonly int RR { get; }
    public partial int* P { get; set; }
    public partial delegate*<int, void> F { get; set; }
    public partial delegate* unmanaged[Cdecl]<int, int> FU { get; set; }
    public partial int*[] PA { get; set; }
    public partial delegate*<void>[] FA { get; set; }
    public partial Span<int> S { get; set; }
    public partial ReadOnlySpan<char> RS { get; set; }
    public partial TypedReference TR { get; set; }
    public partial nint NI { get; set; }
    public partial nuint NU { get; set; }
}
