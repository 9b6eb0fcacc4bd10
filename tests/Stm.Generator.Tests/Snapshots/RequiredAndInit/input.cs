using Stm;

namespace Config;

/// <summary>Required and init-only transactional properties.</summary>
[Transactional]
public partial class Settings
{
    /// <summary>Required.</summary>
    public required partial string Name { get; set; }

    /// <summary>Required, init.</summary>
    public required partial int Port { get; init; }

    /// <summary>Init.</summary>
    public partial string? Host { get; init; }

    /// <summary>Immutable init-only auto property: no barrier.</summary>
    public string Zone { get; init; } = "";
}
