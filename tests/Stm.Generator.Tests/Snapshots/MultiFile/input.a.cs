using Stm;

namespace Split;

/// <summary>Declared in two files.</summary>
[Transactional]
public partial class Ledger
{
    /// <summary>Debit.</summary>
    public partial long Debit { get; set; }
}
