//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using Stm;
namespace N;
[AttributeUsage(AttributeTargets.All)] public sealed class AnyAttribute : Attribute { }
[Transactional, Any]
[type: Any]
public partial class C
{
    [Any] [field: Any] [property: Any] public partial int P { [Any] get; [Any] [param: Any] set; }
    [field: NonSerialized] public partial object? Q { get; set; }
    [method: Any] public partial int R { get; set; }
    [Obsolete("x")] public partial int Obs { get; set; }
}
[Obsolete] public class OldType { }
[Transactional]
public partial class D
{
    public partial OldType? Uses { get; set; }
}
[Obsolete("no", true)] public class ErrType { }
[Transactional]
public partial class E
{
    [Obsolete] public partial OldType? UsesInObsolete { get; set; }
}
