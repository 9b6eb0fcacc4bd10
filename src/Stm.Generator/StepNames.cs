namespace Stm.Generator;

/// <summary>Tracking names of the generator's incremental steps, for tests that check what was cached.</summary>
public static class StepNames
{
    /// <summary>Symbols of one <c>[Transactional]</c> class turned into its value-equatable model.</summary>
    public const string TransactionalTypes = nameof(TransactionalTypes);

    /// <summary>The set of hint names that collide when compared case-insensitively (almost always empty).</summary>
    public const string HintNameCollisions = nameof(HintNameCollisions);

    /// <summary>One model turned into its generated source text.</summary>
    public const string Emit = nameof(Emit);
}
