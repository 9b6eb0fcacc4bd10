// expect-files: 2
using System.Collections.Generic;
using Stm;
namespace Access;

file class Secret { }

[Transactional]
public partial class Holder
{
    private sealed class Hidden { }
    protected internal class Shared<T> { public class Deep { } }

    private partial Hidden? H { get; set; }
    protected internal partial Shared<int>.Deep? D { get; set; }
    private partial Secret? FileLocal { get; set; }
    public partial List<Secret>? FileLocalList { get; set; }
    public partial (int, int, int, int, int, int, int, int, int) Wide { get; set; }
}

[Transactional]
file partial class NotHere { }

[Transactional]
internal partial class Other
{
    private partial Holder? Owner { get; set; }
}
