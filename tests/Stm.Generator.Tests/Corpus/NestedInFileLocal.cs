// expect-files: 0
using Stm;
file partial class Outer
{
    [Transactional]
    public partial class Inner
    {
        public partial int X { get; set; }
    }
}
