//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using Stm;
namespace R;
[Transactional]
public unsafe partial record P1
{
    public int*[] Arr;
    public delegate*<void>[] Fns;
    public partial int X { get; set; }
}
[Transactional]
public partial record P2
{
    public unsafe int*[]? Arr { get; set; }
    public partial int X { get; set; }
}
