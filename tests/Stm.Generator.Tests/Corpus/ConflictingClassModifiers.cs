// expect-files: 1
using Stm;
[Transactional]
public static sealed partial class A
{
    public partial int X { get; set; }
}
[Transactional]
public abstract sealed partial class B
{
    public partial int X { get; set; }
}
