// expect-files: 0
using Stm;
[Transactional]
public partial record struct Point(int X)
{
    public partial int Y { get; set; }
}
