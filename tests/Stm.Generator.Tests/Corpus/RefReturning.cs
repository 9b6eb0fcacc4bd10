// expect-files: 1
using Stm;
[Transactional]
public partial class Refs
{
    public partial ref int X { get; }
    public partial ref readonly int Y { get; }
    public partial int Z { get; set; }
}
