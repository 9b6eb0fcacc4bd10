// expect-files: any
using Stm;
[Transactional] ))) partial class @@ { public partial int ; }
[Transactional]
public partial class Ok { public partial int X { get; set; } int ### }
