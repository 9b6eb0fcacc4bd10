// expect-files: 1
using System.Collections.Generic;
using Stm;
[Transactional]
public partial class Uses
{
    public partial List<Missing> Things { get; set; }
    public partial Dictionary<string, Missing[]>? Map { get; set; }
    public partial int Fine { get; set; }
}
