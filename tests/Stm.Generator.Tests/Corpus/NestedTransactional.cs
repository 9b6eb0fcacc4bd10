// expect-files: 3
using Stm;
namespace N;
/// <summary>Outer.</summary>
[Transactional]
public partial class Outer
{
    /// <summary>A.</summary>
    public partial int A { get; set; }

    /// <summary>Inner, derived from Outer: uses its header.</summary>
    [Transactional]
    public partial class Inner : Outer
    {
        /// <summary>B.</summary>
        public partial int B { get; set; }

        [Transactional]
        private sealed partial record Deepest
        {
            public partial Inner? Link { get; set; }
        }
    }
}
