// expect-files: 0
using Stm;
[Transactional]
public partial class Clash
{
    private int __stm;
    public partial int X { get; set; }
}
[Transactional]
public partial class Clash2
{
    public partial int X { get; set; }
    private int __stm_X;
}
public class PlainBase
{
    protected int __stmProperty_Y;
}
[Transactional]
public partial class Clash3 : PlainBase
{
    public partial int Y { get; set; }
}
