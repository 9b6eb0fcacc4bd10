//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
[Transactional] public partial class __stm_X { public partial int X { get; set; } }
[Transactional] public partial class C<__stm> { public partial int X { get; set; } }
[Transactional] public partial class D<__stm_Y> { public partial int Y { get; set; } }
[Transactional] public partial class E { public partial int X { get; set; } public class __stmNested { } }
[Transactional] public partial class F { public partial int X { get; set; } public void __stmM() { } }
[Transactional] public partial class G { public partial int X { get; set; } public int M(int __stm) => __stm; }
[Transactional] public partial class StmHeader { public partial int X { get; set; } }
[Transactional] public partial class source<version> { public partial int X { get; set; } public partial version? V { get; set; } }
[Transactional] public partial class transaction { public partial transaction? transaction2 { get; set; } }
[Transactional] public partial class copy<value, state, v> { public partial value? X { get; set; } public partial state? Y { get; set; } }
