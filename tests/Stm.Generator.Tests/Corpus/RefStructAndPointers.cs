// expect-files: 1
using System;
using Stm;
[Transactional]
public unsafe partial class Low
{
    public partial Span<int> Span { get; set; }
    public partial int* Pointer { get; set; }
    public partial delegate*<int, void> Function { get; set; }
    public partial TypedReference Typed { get; set; }
}
