// expect-files: 1
// A partial property with an explicit interface name that names no interface (CS0538): its symbol implements nothing,
// but its name is "Stm.X", which the generated file printed into member names (CS0501, CS1003, CS0246, ...). It is
// skipped like any explicit implementation; the rest is implemented.
using Stm;

[Transactional]
public partial class Twice
{
    public partial int Stm.X { get; set; }
    public partial int Y { get; set; }
}
