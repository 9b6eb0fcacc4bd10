namespace Stm.Generated.Tests.Model;

/// <summary>Two cells that writers keep summing to zero: X + Y == 0 across two objects.</summary>
[Transactional]
public partial class Cell<T>
    where T : struct
{
    public partial T Value { get; set; }
}
