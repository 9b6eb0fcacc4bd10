using Stm;

namespace Bank;

/// <summary>A bank account: its balance is transactional, its number immutable.</summary>
[Transactional]
public partial class Account
{
    public Account(int number, long balance)
    {
        Number = number;
        Balance = balance;
    }

    /// <summary>Immutable: reads are never recorded.</summary>
    public int Number { get; }

    /// <summary>Implemented by the generator with read and write barriers.</summary>
    public partial long Balance { get; set; }

    /// <summary>How many transfers this account took part in.</summary>
    public partial long Transfers { get; set; }
}
