// expect-files: 1
using Stm;
[Transactional]
public partial class Written
{
    public partial int X { get; set; }
    public partial int X { get => 1; set { } }
    public partial int Y { get; set; }
}
