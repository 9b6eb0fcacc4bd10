// expect-files: 1
using Stm;
namespace Clashing
{
    public class System { }
    public class Stm { }
    public class Barrier { }
    public class TxHeader { }
    [global::Stm.Transactional]
    public partial class Barriers
    {
        public partial System? S { get; set; }
        public partial Barrier? B { get; set; }
        public partial int MemberwiseClone { get; set; }
        public partial int InTransaction { get; set; }
    }
}
