//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
[Transactional] public partial class A { public partial int X { get; set; } }
public class B : A { public int Y { get; set; } }
[Transactional] public partial class C2 : B { public partial int Z { get; set; } }
[Transactional] public partial class G<T> : A { public partial T? W { get; set; } }
[Transactional] public partial class H : G<string> { public partial int V { get; set; } }
[Transactional] public sealed partial class S : H { }
[Transactional] public partial class Self : Self.Inner { public partial int K { get; set; } public class Inner { } }
[Transactional] public partial class Cyc1 : Cyc2 { public partial int K { get; set; } }
[Transactional] public partial class Cyc2 : Cyc1 { public partial int K2 { get; set; } }
