// expect-files: 2
// Partial properties of types no field can have: void (CS0547) and a static class, also as a type argument or array
// element (CS0722, CS0718, CS0719). The compiler reports each at the declaration; implementing them repeated it in the
// generated file (CS0670, CS0723, CS1536, ...). They are skipped; the valid property is implemented.
using System.Collections.Generic;
using Stm;

namespace Corpus.PropertyOfTypeNoFieldCanHave;

public static class Helpers { }

[Transactional]
public partial class Odd
{
    public partial void Nothing { get; set; }
    public partial Helpers Static { get; set; }
    public partial List<Helpers>? InList { get; set; }
    public partial Helpers[]? InArray { get; set; }
    public partial int Fine { get; set; }
}

// A class nested in a static class is an ordinary type: implemented.
public static partial class Registry
{
    [Transactional]
    public partial class Entry
    {
        public partial Entry? Next { get; set; }
    }
}
