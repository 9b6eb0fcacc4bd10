// expect-files: 2
// A record named like a member the compiler synthesizes for it (CS0542 at the declaration): the generated GetHashCode
// override moved the error into the generated file. No record members are emitted; the properties still are.
using Stm;

namespace Corpus.RecordNamedLikeSynthesizedMember;

[Transactional]
public partial record GetHashCode
{
    public partial int X { get; set; }
}

[Transactional]
public partial record PrintMembers(int Y)
{
    public partial int Z { get; set; }
}
