//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
namespace N
{
    public class Stm { }
    public class System { }
    public class Internal { }
    [global::Stm.Transactional]
    public partial class C
    {
        public partial Stm? A { get; set; }
        public partial System? B { get; set; }
        public partial global::System.Collections.Generic.List<Internal>? L { get; set; }
    }
}
namespace Stm2 { using Stm; using Transactional = System.ObsoleteAttribute; [Transactional] public partial class NotOurs { public partial int P { get; set; } } }
namespace Stm3 { using T = Stm.TransactionalAttribute; [T] public partial class Aliased { public partial int P { get; set; } } }
