using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer;

/// <summary>A bank account (bank workloads), its state in a LanguageExt <c>Ref</c>.</summary>
public sealed class Account
{
    private readonly Ref<long> _balance;

    public Account(long balance) => _balance = Ref(balance);

    public long Balance
    {
        get => _balance.Value;
        set => _balance.Value = value;
    }
}
