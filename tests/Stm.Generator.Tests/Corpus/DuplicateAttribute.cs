// expect-files: 1
using Stm;
[Transactional]
public partial class Twice
{
    public partial int X { get; set; }
}
[Transactional]
public partial class Twice
{
    public partial int Y { get; set; }
}
