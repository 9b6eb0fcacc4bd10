// expect-files: any
using Stm;
[Transactional]
public sealed abstract partial class C
{
    public partial int X { get; set; }
}
