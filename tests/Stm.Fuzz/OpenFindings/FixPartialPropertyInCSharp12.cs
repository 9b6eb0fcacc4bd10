// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.PartialProperty: CS8703 The modifier '?' is not valid for this item in C# N.N. ...
// Found by this fuzzer's new code-fix compile check. The fix offers a partial property where the language version
// has none (C# 12).
//// CONFIG: CSharp12 Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;

[Transactional]
partial class Account
{
    long Balance;
}
