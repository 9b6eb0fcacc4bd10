// expect-files: 0
// The project declares Stm.Internal.Barrier: the generated code's global::Stm.Internal.Barrier bound to it (CS0436, and
// CS0117 for every barrier call). Nothing is generated; STM0001 says why.
namespace Stm.Internal { public static class Barrier { } }

namespace App
{
    [Stm.Transactional] public partial class C { public partial int P { get; set; } }
}
