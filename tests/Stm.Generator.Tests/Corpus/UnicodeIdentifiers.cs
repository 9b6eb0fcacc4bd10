// expect-files: 4
using Stm;
namespace Ünïcødé.名前;
[Transactional]
public partial class Café
{
    public partial int Ça { get; set; }
    public partial string? 名前 { get; set; }
    public partial int e\u0301 { get; set; }
}
[Transactional]
public partial class A‿B
{
    public partial int X‿Y { get; set; }
}
[Transactional]
public partial class A_B
{
    public partial int X_Y { get; set; }
}
[Transactional]
public partial class Ünï\u0063ode
{
    public partial int Wert { get; set; }
}
