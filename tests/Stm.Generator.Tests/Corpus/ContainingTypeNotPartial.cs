// expect-files: 0
using Stm;
public class Outer
{
    [Transactional]
    public partial class Inner
    {
        public partial int X { get; set; }
    }
}
