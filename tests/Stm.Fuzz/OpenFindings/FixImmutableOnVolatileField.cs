// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.Immutable: CS0678 '?': a field cannot be both volatile and readonly
// Found by this fuzzer's new code-fix compile check. "Make immutable" adds readonly next to volatile.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;

[Transactional]
public partial class C
{
    public volatile int V;
}
