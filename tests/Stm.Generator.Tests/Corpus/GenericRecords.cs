// expect-files: 3
using System.Collections.Generic;
using Stm;
namespace Generic.Records;

[Transactional]
public abstract partial record Node<T>(T Key) where T : notnull
{
    public partial T? Value { get; set; }
    public partial List<Node<T>>? Children { get; set; }
}

[Transactional]
public sealed partial record Leaf<T>(T Key, int Depth) : Node<T>(Key) where T : notnull
{
    public partial bool Visited { get; set; }
}

[Transactional]
public partial record Pair<TLeft, TRight>
    where TLeft : class
    where TRight : struct
{
    public partial TLeft? Left { get; set; }
    public partial TRight Right { get; set; }
    public partial TRight? MaybeRight { get; set; }
    public readonly TLeft? Fixed;
}
