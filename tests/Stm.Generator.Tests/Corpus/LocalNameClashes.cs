// expect-files: 3
using Stm;
namespace Clash;

[Transactional]
public partial class Box<source, version, copy>
{
    public partial source? source1 { get; set; }
    public partial version? Version { get; set; }
    public partial copy? Copy { get; set; }
    public partial int value { get; set; }
    public partial int state { get; set; }
    public partial int v { get; set; }
}

[Transactional]
public partial record Rec<other, builder, original, hash>
{
    public partial other? Other { get; set; }
    public partial builder? Builder { get; set; }
    public partial original? Original { get; set; }
    public partial hash? Hash { get; set; }
    public int other1;
    public int builder1;
}

[Transactional]
public sealed partial class Lambda<state, v>
{
    public partial state? S { get; set; }
    public partial v? V { get; set; }
}
