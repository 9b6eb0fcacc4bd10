// expect-files: 1
using System;
using Stm;
[Transactional]
public partial class Attributed
{
    [Obsolete("old")]
    public partial int Old { get; set; }
}
