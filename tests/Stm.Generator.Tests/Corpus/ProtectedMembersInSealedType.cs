// expect-files: 2
// A protected partial property or accessor in a sealed type (CS0628, a warning at the user's declaration): the
// implementation must repeat the accessibility, and the generated file repeated the warning (an error under
// warnings-as-errors). The generated file suppresses it; the user's declaration still has it.
using Stm;

namespace Corpus.ProtectedMembersInSealedType;

#pragma warning disable CS0628
[Transactional]
public sealed partial record Named
{
    public partial string? Name { protected get; set; }
    protected partial int Count { get; set; }
}

[Transactional]
public sealed partial class Box
{
    public partial int Value { get; protected set; }
}
#pragma warning restore CS0628
