namespace Stm.Generated.Tests.Model;

[Transactional]
public partial class Account
{
    public Account(int id, long balance)
    {
        Id = id;
        Balance = balance;
    }

    public int Id { get; }

    public partial long Balance { get; set; }
}
