namespace Stm.Scaling.Workloads;

/// <summary>Stateless pseudo-random numbers: the same (seed, index) always gives the same value, so re-run attempts repeat their choices.</summary>
internal static class Mix
{
    /// <summary>SplitMix64's finaliser applied to <paramref name="seed"/> + <paramref name="index"/> * golden gamma.</summary>
    public static ulong At(ulong seed, long index)
    {
        ulong z = seed + ((ulong)index * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A per-worker seed.</summary>
    public static ulong Seed(int worker) => At(0x5EED, worker + 1);
}
