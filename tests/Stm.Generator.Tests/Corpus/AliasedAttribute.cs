// expect-files: 1
using T = Stm.TransactionalAttribute;
[T]
public partial class Aliased
{
    public partial int X { get; set; }
}
