namespace Stm.Scaling.Plain;

/// <summary>A bank account (bank workloads).</summary>
public sealed class Account
{
    public Account(long balance) => Balance = balance;

    public long Balance { get; set; }
}
