// expect-files: 1
using Stm;
[Transactional]
public class NotPartialBase
{
    public partial int X { get; set; }
}
[Transactional]
public partial class Derived : NotPartialBase
{
    public partial int Y { get; set; }
}
