namespace Stm.Generator;

/// <summary>Tracking names of the generator's incremental steps, for tests that check what was cached.</summary>
public static class StepNames
{
    /// <summary>Symbols of one <c>[Transactional]</c> class turned into its value-equatable model.</summary>
    public const string TransactionalTypes = nameof(TransactionalTypes);

    /// <summary>The hint names that collide, case-insensitively or exactly (almost always none).</summary>
    public const string HintNameCollisions = nameof(HintNameCollisions);

    /// <summary>One model turned into its generated source text.</summary>
    public const string Emit = nameof(Emit);
}
