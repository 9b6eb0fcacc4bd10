using Stm;

/// <summary>A counter in the global namespace.</summary>
[Transactional]
public partial class Counter
{
    /// <summary>The count.</summary>
    public partial int Value { get; set; }
}
