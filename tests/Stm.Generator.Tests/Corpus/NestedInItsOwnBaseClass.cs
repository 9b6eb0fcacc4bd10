// expect-files: 3
// A transactional class nested in its own transactional base class, overriding or hiding its properties: the outer
// class's private generated members (__stmProperty_X, __stm_X, __stmGet_X, __stmSet_X) are visible in the nested class,
// whose members of the same names hid them without 'new' (CS0108, an error under TreatWarningsAsErrors).
using Stm;

namespace Corpus.NestedInItsOwnBaseClass;

[Transactional]
public partial class Shape
{
    public virtual partial int Sides { get; set; }
    public partial string? Name { get; set; }

    [Transactional]
    public sealed partial class Square : Shape
    {
        public override partial int Sides { get; set; }
        public new partial string? Name { get; set; }
        public partial int Size { get; set; }
    }

    public partial class Holder
    {
        [Transactional]
        public partial class Deep : Shape
        {
            public override partial int Sides { get; set; }
        }
    }
}
