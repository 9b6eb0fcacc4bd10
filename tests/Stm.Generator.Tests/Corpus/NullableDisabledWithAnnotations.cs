// expect-files: 1
#nullable disable
using Stm;
[Transactional]
public partial class Old
{
    public partial string? Name { get; set; }
    public partial object Thing { get; set; }
}
