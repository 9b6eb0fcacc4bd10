// expect-files: 1
using Stm;
[Transactional]
public partial class Holder<T> where T : allows ref struct
{
    public partial T Value { get; set; }
}
