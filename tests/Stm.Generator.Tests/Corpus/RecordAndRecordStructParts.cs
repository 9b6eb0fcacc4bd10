// expect-files: 0
// Parts of one name as a record class and a record struct (CS0261): two types to Roslyn, and the record class's
// generated members named members of the other (CS0019, CS1061 in the generated file).
using Stm;

namespace Corpus.RecordAndRecordStructParts;

[Transactional] public partial record C { public partial int X { get; set; } }
[Transactional] public partial record struct C { public partial int Y { get; set; } }
