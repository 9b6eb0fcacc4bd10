// expect-files: 0
using Stm;
[Transactional]
public partial struct Point
{
    public partial int X { get; set; }
}
