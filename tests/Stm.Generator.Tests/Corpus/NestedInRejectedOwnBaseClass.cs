// expect-files: 2
// A transactional class nested in its own base class when the generator rejects that base (here: its name uses the
// reserved '__stm' prefix, STM0001): the base gets no generated members, so the nested class has nothing to hide and its
// members must not be declared 'new' (CS0109 in the generated file). Found by the fuzzer (generated-warning CS0109).
using Stm;

namespace Corpus.NestedInRejectedOwnBaseClass;

[Transactional]
public partial record __stmShape
{
    public partial int Sides { get; set; }

    [Transactional]
    public sealed partial record Square : __stmShape
    {
        public new partial int Sides { get; set; }
        public partial int Size { get; set; }
    }
}

[Transactional]
public partial class __stmBox
{
    public virtual partial int Value { get; set; }

    [Transactional]
    public partial class Inner : __stmBox
    {
        public override partial int Value { get; set; }
    }
}
