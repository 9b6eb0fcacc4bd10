// expect-files: 1
// Arrays of pointers in an unsafe record: like pointers, copied but left out of equality, hash code and printing (an
// array of pointers cannot be a type argument of EqualityComparer); the record members were not marked unsafe (CS0214).
using Stm;

namespace Corpus.RecordWithPointerArrays;

[Transactional]
public unsafe partial record Buffers
{
    public int*[]? Field;
    public delegate*<void>[]? Functions { get; init; }
    public partial int Count { get; set; }
}
