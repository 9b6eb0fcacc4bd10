using Stm;

namespace Bank.Model;

/// <summary>An account.</summary>
[Transactional]
public partial class Account
{
    /// <summary>Creates an account.</summary>
    public Account(string id, long balance)
    {
        Id = id;
        Balance = balance;
    }

    /// <summary>Immutable: no barrier.</summary>
    public string Id { get; }

    /// <summary>The balance.</summary>
    public partial long Balance { get; set; }

    /// <summary>The next account.</summary>
    public partial Account? Next { get; set; }
}
