// expect-files: 1
using Stm;
[Transactional]
public abstract partial class Mixed
{
    public abstract partial int A { get; set; }
    public extern partial int B { get; set; }
    public public partial int C { get; set; }
    public private partial int D { get; set; }
    public partial partial int E { get; set; }
    public virtual sealed partial int F { get; set; }
}
