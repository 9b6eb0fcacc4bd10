//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace Split;
[Transactional]
public partial class Ledger
{
    public partial int Total { get; set; }
    public partial string? Name { get; set; }
}
//// FILE: B.cs
namespace Split;
internal sealed partial class Ledger
{
    public partial int Total { get => 0; set { } }
    private partial int Hidden { get; set; }
}
//// FILE: C.cs
namespace Split
{
    public unsafe partial class Ledger
    {
        public partial long Other { get; set; }
    }
}
