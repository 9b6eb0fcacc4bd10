//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using Stm;
namespace N;
[Transactional]
public partial class C
{
    public partial event Action? E;
    public partial event Action? E { add { } remove { } }
    public partial event Action? F;
    public partial C(int x);
    public partial C(int x) { P = x; }
    public partial C(string s);
    public partial int P { get; set; }
    public event Action? Plain;
    public event Action Custom { add { } remove { } }
}
[Transactional]
public partial record R
{
    public partial event Action? E;
    public event Action? Plain;
    public partial int P { get; set; }
}
