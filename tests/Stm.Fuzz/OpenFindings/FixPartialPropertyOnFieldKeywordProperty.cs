// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.PartialProperty: CS9249 Partial property '?' must have a definition part.
// Found by this fuzzer's new code-fix compile check. The fix adds 'partial' to a property whose accessors have
// bodies (field keyword): that makes it an implementing declaration without a defining one.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;

[Transactional]
public partial class C
{
    public int S { get => field; set => field = value; }
}
