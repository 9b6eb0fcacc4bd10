// expect-files: 1
using Stm;
[Transactional]
public partial class Shapes
{
    public partial int GetOnly { get; }
    public partial int SetOnly { set; }
    public partial int InitOnly { init; }
}
