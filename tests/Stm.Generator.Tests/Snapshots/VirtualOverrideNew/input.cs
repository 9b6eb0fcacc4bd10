using Stm;

namespace Inherit;

/// <summary>Base.</summary>
[Transactional]
public partial class Animal
{
    /// <summary>Virtual.</summary>
    public virtual partial int Legs { get; set; }

    /// <summary>Hidden later.</summary>
    public partial string? Sound { get; set; }
}

/// <summary>Derived.</summary>
[Transactional]
public partial class Bird : Animal
{
    /// <summary>Override.</summary>
    public override partial int Legs { get; set; }

    /// <summary>New.</summary>
    public new partial string? Sound { get; set; }

    /// <summary>Sealed override.</summary>
    public sealed override string ToString() => "bird";
}

/// <summary>Sealed override of a partial property.</summary>
[Transactional]
public partial class Penguin : Bird
{
    /// <summary>Sealed override.</summary>
    public sealed override partial int Legs { get; set; }
}
