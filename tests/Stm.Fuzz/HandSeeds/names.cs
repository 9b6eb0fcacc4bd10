//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace Stm.Internal.Foo
{
    [Transactional] public partial class Stm { public partial int X { get; set; } }
    [Transactional] public partial class System { public partial int X { get; set; } }
    [Transactional] public partial class Barrier { public partial int Y { get; set; } }
    [Transactional] public partial class TxHeader { public partial int Y { get; set; } }
}
namespace @global.@class
{
    [global::Stm.Transactional] public partial class @event { public partial int @int { get; set; } public partial int @value { get; set; } public partial int field { get; set; } }
}
