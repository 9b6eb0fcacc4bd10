// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.Immutable: CS0191 A readonly field cannot be assigned to ...
// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.Immutable: CS8852 Init-only property or indexer '?' can only be assigned ...
// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.Immutable: CS0192 A readonly field cannot be used as a ref or out value ...
// codefix-breaks-build: TrackMutableMemberCodeFix STM0002.PartialProperty: CS0206 A non ref-returning property or indexer may not be used as an out or ref value
// Found by this fuzzer's new code-fix compile check. "Make immutable" is offered for members written outside a
// constructor (readonly field, init accessor: the writes stop compiling), and "make it a partial property" for a
// field passed by ref. Perhaps by design (the user is told to restructure), but then the fix is better not offered.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System.Threading;
using Stm;

[Transactional]
public partial class Account
{
    public long Plain;
    public long Counted;
    public int Q { get; set; }

    public void Write() { Plain++; Q++; }

    public void Count() => Atomic.Run(() => { Interlocked.Increment(ref Counted); });
}
