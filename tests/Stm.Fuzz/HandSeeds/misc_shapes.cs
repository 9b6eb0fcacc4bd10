//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using Stm;
namespace N;
[Transactional]
public partial class C
{
    public partial int this[int i] { get; set; }
    public partial int GetOnly { get; }
    public partial int SetOnly { set; }
    public partial int InitOnly { init; }
    public partial int GetInitSet { get; init; set; }
    public partial int Both { get; set; }
    public partial int Both { get; set; }
    public partial int Impl { get; set; }
    public partial int Impl { get => 1; set { } }
    public partial int Expr => 1;
    public partial int WithInit { get; set; } = 5;
    public partial int Body { get { return 1; } set { } }
    public partial int Readonly { readonly get; set; }
    public partial int AccMod { private get; private set; }
    public partial int AccMod2 { internal get; set; }
    public partial int AccMod3 { get; protected internal set; }
    private protected partial int PP { get; set; }
    public partial void M();
    public partial int Method();
    public partial C Self { get; set; }
    public partial Missing Err { get; set; }
    public partial Missing<int>[] ErrArr { get; set; }
    public partial (int, Missing) ErrTup { get; set; }
    public partial Action<Missing> ErrGen { get; set; }
}
