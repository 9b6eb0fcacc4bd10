// expect-files: 1
// A [Transactional] class nested in an interface with variant type parameters: the generated partial declaration of
// the interface left out 'in'/'out' (CS1067 on the user's own declaration).
using Stm;

namespace Corpus.NestedInVariantInterface;

public partial interface IChannel<in TIn, out TOut>
{
    [Transactional]
    public partial class State
    {
        public partial int Count { get; set; }
    }
}
