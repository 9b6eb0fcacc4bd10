// expect-files: 2
// Arrays of pointers and of function pointers are pointer types too: the generated accessors were not in an unsafe
// context (CS0214). They are left unimplemented, with the analyzer's diagnostic, like a plain pointer property.
using Stm;

namespace Corpus.PointerArrays;

[Transactional]
public unsafe partial class InUnsafeClass
{
    public partial int*[] Pointers { get; set; }
    public partial int Plain { get; set; }
}

[Transactional]
public partial class WithUnsafeMembers
{
    public unsafe partial int*[] Pointers { get; set; }
    public unsafe partial delegate*<void>[] Functions { get; set; }
}
