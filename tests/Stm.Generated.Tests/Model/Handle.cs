using System.Threading;
using Stm;

namespace Stm.Generated.Tests.Model;

/// <summary>A transactional class with a finalizer, standing for one that releases a native resource.</summary>
[Transactional]
public partial class Handle
{
    private static int s_finalized;

    /// <summary>How many Handle objects (of any test) have been finalized so far.</summary>
    public static int Finalized => Volatile.Read(ref s_finalized);

    public partial long Uses { get; set; }

    ~Handle() => Interlocked.Increment(ref s_finalized);
}
