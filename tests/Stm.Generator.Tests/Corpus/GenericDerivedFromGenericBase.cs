// expect-files: 3
using Stm;
[Transactional]
public partial class Base<T>
{
    public partial T? Value { get; set; }
}
[Transactional]
public partial class Mid<U> : Base<U[]>
{
    public partial U? Extra { get; set; }
}
[Transactional]
public sealed partial class Leaf : Mid<int>
{
    public partial long Count { get; set; }
}
