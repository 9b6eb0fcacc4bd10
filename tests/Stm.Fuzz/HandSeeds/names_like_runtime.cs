//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace App.Stm.Internal
{
    public sealed class Barrier { }
    public sealed class TxHeader { }
}
namespace App
{
    public sealed class Atomic { }
    public sealed class TransactionalProperty { }

    [Transactional]
    public partial class Names
    {
        public partial int System { get; set; }
        public partial int Stm { get; set; }
        public partial int @global { get; set; }
        public partial int Barrier { get; set; }
        public partial int TxHeader { get; set; }
        public partial Atomic? Atomic { get; set; }
        public partial TransactionalProperty? Property { get; set; }
        public partial int value { get; set; }
        public partial int source { get; set; }
        public partial int version { get; set; }
        public partial int transaction { get; set; }
        public partial int copy { get; set; }
        public partial int original { get; set; }
        public partial int other { get; set; }

        public void Use()
        {
            global::Stm.Atomic.Run(() => { System++; Stm = value + source + version; transaction = copy + original + other; });
        }
    }

    [Transactional]
    public partial record Rec(int value, int source, int other)
    {
        public partial int copy { get; set; }
        public partial int original { get; set; }
        public partial int builder { get; set; }
        public int version { get; init; }
        public int transaction { get; init; }
        public int EqualityContractX { get; init; }
    }
}
