// expect-files: 3
using System.Text;
using Stm;
[Transactional]
public partial record Positional(int A, string B)
{
    public partial int C { get; set; }
    public int this[int i] => i;
    public static int S { get; set; }
    public event System.Action? E;
}
[Transactional]
public partial record Empty;
[Transactional]
public sealed partial record WithRequired
{
    public required partial string Name { get; init; }
    public required int Age { get; init; }
}
