// expect-files: 1
using Stm;
[Transactional]
public partial class Broken
{
    public partial int X { get; set
    public partial int Y { get; set; }
}
