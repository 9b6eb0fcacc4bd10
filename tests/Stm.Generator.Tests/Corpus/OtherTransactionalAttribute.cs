// expect-files: 0
namespace Other
{
    public sealed class TransactionalAttribute : System.Attribute { }
    [Transactional]
    public partial class NotOurs
    {
        public int X { get; set; }
    }
}
