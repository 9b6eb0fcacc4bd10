//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
[Transactional]
public partial class C { public partial int X { get; set; } }
//// FILE: B.cs
using Stm;
namespace N;
[Transactional]
public partial class C { public partial int Y { get; set; } }
//// FILE: C.cs
using Stm;
namespace N;
[Transactional][Transactional]
public partial class D { public partial int Y { get; set; } }
