// expect-files: 2
// Members of [Experimental] types (an error until suppressed): the user suppresses the id at the declaration, and the
// generated accessors and record members named the type again (EXP001 in the generated file). The generated file
// suppresses the ids of the experimental APIs it names.
using System.Diagnostics.CodeAnalysis;
using Stm;

namespace Corpus.ExperimentalTypes;

[Experimental("EXP001")] public class Preview { }
[Experimental("EXP002")] public class Other<T> { }

[Transactional]
public partial class Holder
{
#pragma warning disable EXP001, EXP002
    public partial Preview? Value { get; set; }
    public partial Other<int>[]? Values { get; set; }
#pragma warning restore EXP001, EXP002
}

[Transactional]
public partial record Person
{
#pragma warning disable EXP001
    public Preview? Immutable { get; init; }
    public partial Preview? Mutable { get; set; }
#pragma warning restore EXP001
}
