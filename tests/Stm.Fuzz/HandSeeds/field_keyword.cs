//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
[Transactional]
public partial class C
{
    public partial int P { get => field; set => field = value; }
    public partial int Q { get; set; }
    public int R { get => field; set => field = value * 2; }
    public int S { get => field; }
    public int T { get; set => field = value; }
    public string U { get => field ??= ""; }
    public partial int field { get; set; }
    public partial int V { get; set; }
    public partial int V { get => field; set => field = value; }
}
