// A [Transactional] class used by the micro-benchmarks, implemented by the Stm generator: the barrier costs
// measured here are those of real generated code (GeneratedAccessorBenchmarks compares it with HandWrittenBox).
using Stm;

namespace Stm.Benchmarks.Model;

[Transactional]
public sealed partial class Box
{
    public Box(long value) => Value = value;

    public partial long Value { get; set; }
}
