// A [Transactional] class used by the micro-benchmarks. Its generated half (Model/Generated/Box.g.cs) is
// hand-written in the exact shape the Stm generator emits (tests/Stm.Runtime.Tests/Model/Account.cs), so the
// barrier costs measured here are those of real generated code.
using Stm;

namespace Stm.Benchmarks.Model;

[Transactional]
public sealed partial class Box
{
    public Box(long value) => Value = value;

    public partial long Value { get; set; }
}
