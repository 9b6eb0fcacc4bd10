// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.PartialProperty: CS9248 Partial property '?' must have an implementation part.
// Found by this fuzzer's new code-fix compile check. The fix turns a field into a partial property the generator
// will not implement: here because the record is not partial (the generator skips it, STM0001), and in the corpus
// case RecordWithPointerArrays because the field is an array of pointers (not tracked).
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;

[Transactional]
record Buffers
{
    int[]? Field;
}
