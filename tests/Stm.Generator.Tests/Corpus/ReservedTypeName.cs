// expect-files: 0
// A class named with the reserved '__stm' prefix: its property X's backing field __stm_X would be named like the class
// (CS0542 in the generated file). STM0001 explains instead.
using Stm;

namespace Corpus.ReservedTypeName;

[Transactional]
public partial class __stm_X
{
    public partial int X { get; set; }
}

// A type parameter named with the prefix: the header field __stm would be named like it (CS0102, CS0118).
[Transactional]
public partial class Box<__stm>
{
    public partial int X { get; set; }
}
