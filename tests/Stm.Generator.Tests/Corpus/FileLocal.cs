// expect-files: 0
using Stm;
[Transactional]
file partial class Hidden
{
    public partial int X { get; set; }
}
