//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Diagnostics.CodeAnalysis;
using Stm;
namespace N;
[Obsolete("old")] public class Old { }
[Experimental("EXP001")] public class Exp { }
[Transactional]
public partial class C
{
#pragma warning disable CS0618, EXP001
    public partial Old? O { get; set; }
    public partial Exp? E { get; set; }
#pragma warning restore CS0618, EXP001
}
