//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using System.Numerics;
using Stm;
namespace N;

[Transactional]
public partial class Base<T>
{
    public partial T? Item { get; set; }
    public virtual partial List<T>? Items { get; set; }
}

[Transactional]
public partial class Derived<U> : Base<List<U>>
{
    public partial U? Own { get; set; }
    public override partial List<List<U>>? Items { get; set; }
}

public partial interface IHost
{
    [Transactional]
    partial class InInterface
    {
        public partial int X { get; set; }
    }
}

public partial struct Holder<T> where T : struct
{
    [Transactional]
    public partial class InStruct
    {
        public partial T Value { get; set; }
        public partial T? Maybe { get; set; }
    }
}

public partial record struct RecordHolder(int A)
{
    [Transactional]
    public partial record InRecordStruct
    {
        public partial int B { get; set; }
    }
}

[Transactional]
public partial class WithPrimaryConstructor(int start, string name)
{
    public partial int Count { get; set; }
    public string Name => name;
    public int Start { get; } = start;
    public void Reset() => Count = start;
}

public interface IHasX
{
    int X { get; set; }
}

public abstract class AbstractBase
{
    public abstract int Y { get; set; }
    public virtual string? Z { get; set; }
}

[Transactional]
public partial class Implements : AbstractBase, IHasX
{
    public partial int X { get; set; }
    public override partial int Y { get; set; }
    public override partial string? Z { get; set; }
}

[Transactional]
public partial class Numeric<T> where T : INumber<T>, IAdditionOperators<T, T, T>
{
    public partial T Total { get; set; }
    public void Add(T value) => Atomic.Run(() => Total += value);
}

[Transactional]
public partial class Attributed
{
    [Obsolete("use Other")]
    public partial int Old { get; set; }

    [field: NonSerialized]
    public partial int WithFieldTarget { get; set; }

    /// <inheritdoc cref="object.ToString"/>
    public partial string? Documented { get; set; }

    public partial int ProtectedInit { get; protected init; }
    public partial int PrivateProtectedSet { get; private protected set; }
    public required partial int Required { get; set; }
}

[Transactional]
public partial class Outer
{
    public partial Inner? Child { get; set; }

    [Transactional]
    public partial class Inner
    {
        public partial Outer? Outer { get; set; }
        public partial int Inner2 { get; set; }
    }
}
