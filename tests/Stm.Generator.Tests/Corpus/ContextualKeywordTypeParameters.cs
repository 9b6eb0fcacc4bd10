// expect-files: 2
// Type parameters named with contextual keywords: the generated field and accessor types printed them bare
// ('private record? __stm_X;', 'private partial __stmGet_X(...)') and read as the keywords (CS1001, CS1520).
using Stm;

namespace Corpus.ContextualKeywordTypeParameters;

[Transactional]
public partial class Holder<@record, @required, @partial, @file>
{
    public partial @record? A { get; set; }
    public partial @required? B { get; set; }
    public partial @partial? C { get; set; }
    public partial @file? D { get; set; }
}

public partial class Outer<@record>
{
    [Transactional]
    public partial class Inner
    {
        public partial @record? Value { get; set; }
    }
}
