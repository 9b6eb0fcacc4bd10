using Stm;

namespace Stm.Scaling.Model;

/// <summary>A bank account (bank workloads).</summary>
[Transactional]
public sealed partial class Account
{
    public Account(long balance) => Balance = balance;

    public partial long Balance { get; set; }
}
