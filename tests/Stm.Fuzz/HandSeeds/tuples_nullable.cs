//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using Stm;
namespace N;
[Transactional]
public partial class C
{
    public partial (int a, string? b) T1 { get; set; }
    public partial (int, string) T2 { get; set; }
    public partial (int a, (string x, long y) nested)? T3 { get; set; }
    public partial int? NV { get; set; }
    public partial DateTime? ND { get; set; }
    public partial List<(int Item1, int Item2)> TL { get; set; }
    public partial ValueTuple<int> VT1 { get; set; }
    public partial (int, int, int, int, int, int, int, int, int) Big { get; set; }
    public partial dynamic Dyn { get; set; }
    public partial dynamic? DynN { get; set; }
    public partial dynamic[] DynA { get; set; }
    public partial List<dynamic?> DynL { get; set; }
    public partial object? O { get; set; }
    public partial Func<int, int>? F { get; set; }
    public partial Action<(int a, int b)> A { get; set; }
    public partial decimal M { get; set; }
    public partial Guid G { get; set; }
    public partial int[,][] Arr { get; set; }
}
