//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
#define FOO
using Stm;
namespace N;
[Transactional]
public partial class C
{
    public partial int A { get;
#if FOO
    set;
#endif
    }
    public partial int B {
#if BAR
        get;
#else
        get; set;
#endif
    }
#if !FOO
    public partial int Hidden { get; set; }
#endif
#nullable disable
    public partial string Oblivious { get; set; }
    public partial string? Annot { get; set; }
#nullable restore
#nullable enable annotations
    public partial string NotWarned { get; set; }
#nullable disable warnings
    public partial object W { get; set; }
#nullable enable
#pragma warning disable CS0618
    public partial int D { get; set; }
#region r
    public partial int E { get; set; }
#endregion
}
