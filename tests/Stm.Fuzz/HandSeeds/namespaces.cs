//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace A.B.C;
[Transactional] public partial class X { public partial int P { get; set; } }
//// FILE: B.cs
using Stm;
namespace A { namespace B.C { [Transactional] public partial class Y { public partial int P { get; set; } } } }
[Transactional] public partial class G { public partial int P { get; set; } }
namespace A.B.C { public partial class X { } }
