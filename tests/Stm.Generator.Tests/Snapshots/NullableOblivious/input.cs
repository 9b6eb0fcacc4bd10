#nullable disable
using System.Collections.Generic;
using Stm;

namespace Legacy;

/// <summary>Written without nullable annotations.</summary>
[Transactional]
public partial class Old
{
    /// <summary>Oblivious.</summary>
    public partial string Name { get; set; }

    /// <summary>Oblivious generic.</summary>
    public partial List<string> Items { get; set; }

    /// <summary>Value.</summary>
    public partial int Count { get; set; }
}
