// expect-files: any
using Stm;
[Transactional]
public partial class NoType
{
    public partial X { get; set; }
    public partial { get; set; }
}
