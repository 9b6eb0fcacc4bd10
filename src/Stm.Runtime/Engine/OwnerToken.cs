namespace Stm.Engine;

/// <summary>
/// The value a transaction stores in <see cref="Internal.TxHeader.Owner"/> when it takes an object's write
/// lock: one token per (segment, nesting depth). Comparing the owner with the current level's token is
/// the whole write-barrier fast path; <see cref="Segment"/> tells other transactions whom they conflict with.
/// </summary>
internal sealed class OwnerToken
{
    internal OwnerToken(Segment segment, int depth)
    {
        Segment = segment;
        Depth = depth;
    }

    /// <summary>The segment whose transaction holds the lock.</summary>
    internal Segment Segment { get; }

    /// <summary>The nesting depth of the level that made the current private copy.</summary>
    internal int Depth { get; }
}
