// expect-files: 0
using Stm;
[Transactional]
public partial class Derived : MissingBase
{
    public partial int X { get; set; }
}
