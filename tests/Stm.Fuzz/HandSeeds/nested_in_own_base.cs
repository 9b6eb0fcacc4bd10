//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System.Collections.Generic;
using Stm;
namespace N;
[Transactional]
public partial class Shape
{
    public virtual partial int Sides { get; set; }
    public partial string? Name { get; set; }
    public partial List<Shape>? Parts { get; set; }

    [Transactional]
    public sealed partial class Square : Shape
    {
        public override partial int Sides { get; set; }
        public new partial string? Name { get; set; }
        public partial int Size { get; set; }
    }

    [Transactional]
    public partial record Tagged : Shape2
    {
        public partial int Tag { get; set; }
    }
}

[Transactional]
public partial record Shape2
{
    public partial int Tag2 { get; set; }

    [Transactional]
    public sealed partial record Inner : Shape2
    {
        public new partial int Tag2 { get; set; }
        public int Plain { get; init; }
    }
}

[Transactional]
public partial class Generic<T> where T : class
{
    public virtual partial T? Item { get; set; }

    [Transactional]
    public partial class Derived : Generic<T>
    {
        public override partial T? Item { get; set; }
    }

    [Transactional]
    public partial class Closed : Generic<string>
    {
        public override partial string? Item { get; set; }
    }
}
