// expect-files: any
using Stm;
[Transactional(42)]
public partial class Args
{
    public partial int X { get; set; }
}
