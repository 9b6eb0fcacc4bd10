// expect-files: 2
// Hiding warnings at the user's declarations (CS0109: 'new' hides nothing; CS0108: hides without 'new'; CS0114: hides
// a virtual member without override): the implementation repeats the declaration's modifiers, and must not repeat the
// warning in the generated file.
using Stm;

namespace Corpus.HidingWarningsMirrored;

public class Plain
{
    public int Hidden { get; set; }
    public virtual int Virtual { get; set; }
}

#pragma warning disable CS0108, CS0109, CS0114
[Transactional]
public partial class Derived : Plain
{
    public new partial int NothingHidden { get; set; }
    public partial int Hidden { get; set; }
    public partial int Virtual { get; set; }
}

[Transactional]
public partial class Other
{
    public new partial int AlsoNothing { get; set; }
}
#pragma warning restore CS0108, CS0109, CS0114
