// expect-files: 2
// [Obsolete] (warning) members of a record and a property of an [Obsolete] type: the generated record members and
// accessors name them, and the warnings CS0612/CS0618 landed in the generated file, where a build that treats
// warnings as errors could not suppress them. The compiler's own record members do not warn; neither does ours.
using System;
using Stm;

namespace Corpus.ObsoleteMembers;

[Obsolete("old")] public class Old { }

[Transactional]
public partial class Holder
{
#pragma warning disable CS0618
    public partial Old? Value { get; set; }
#pragma warning restore CS0618
}

[Transactional]
public partial record Person
{
    [Obsolete] public int Legacy { get; init; }
    [Obsolete("use Name")] public string? Nickname { get; init; }
    public partial string? Name { get; set; }
}
