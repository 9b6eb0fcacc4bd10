using System.Collections.Generic;

namespace Stm.Stress;

/// <summary>
/// One stress scenario: threads hammer shared transactional state for a fixed wall-clock time while checkers verify an
/// invariant inside transactions (opacity: even an attempt that will abort must see a consistent state) and after
/// the run (no lost or duplicated effect). A broken invariant is reported with <see cref="Harness.Violation"/>.
/// </summary>
internal abstract class Scenario
{
    /// <summary>The name on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>One line for <c>--list</c>: what the scenario checks.</summary>
    public abstract string Invariant { get; }

    /// <summary>What the <c>workers</c> argument counts, or null if the scenario ignores it.</summary>
    public virtual string? WorkersMeaning => "worker threads";

    public virtual int DefaultWorkers => 2;

    /// <summary>What the <c>size</c> argument counts, or null if the scenario ignores it.</summary>
    public virtual string? SizeMeaning => null;

    public virtual int DefaultSize => 0;

    /// <summary>Whether the scenario runs churn threads (short-lived threads), which <c>nochurn</c> turns off.</summary>
    public virtual bool UsesChurn => false;

    /// <summary>Flags only this scenario understands.</summary>
    public virtual IReadOnlyList<ScenarioFlag> Flags => [];

    /// <summary>Null if this combination of the scenario's flags makes sense, else why not (a command-line error).</summary>
    public virtual string? CheckFlags(IReadOnlySet<string> flags) => null;

    /// <summary>Runs for <see cref="ScenarioSettings.Seconds"/> and checks; violations go to <see cref="Harness"/>.</summary>
    public abstract ScenarioResult Run(ScenarioSettings settings);
}

/// <summary>A scenario-specific flag and what it does.</summary>
internal sealed record ScenarioFlag(string Name, string Meaning);

/// <summary>The parsed command line for one scenario run.</summary>
internal sealed record ScenarioSettings(int Seconds, int Workers, int Size, bool Gc, bool Churn, IReadOnlySet<string> Flags)
{
    public bool Has(string flag) => Flags.Contains(flag);
}

/// <summary>What a run did: <paramref name="Ops"/> (the operations it counts, mostly committed transactions) and a one-line summary of its counters.</summary>
internal sealed record ScenarioResult(long Ops, string Summary);
