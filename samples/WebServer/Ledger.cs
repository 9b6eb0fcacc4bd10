using System.Collections.Generic;
using System.Linq;
using Stm;
using Stm.Collections;

namespace WebServer;

/// <summary>
/// The server's shared state: balances by account name. Each request is one atomic block over it, so
/// requests run in parallel on all cores and still behave as if they ran one at a time.
/// </summary>
internal sealed class Ledger
{
    private readonly TDictionary<string, long> _balances = new();
    private readonly TCounter _transfers = new();

    public long Balance(string name) => Atomic.Run(() => _balances.TryGetValue(name, out long b) ? b : 0);

    public long Deposit(string name, long amount) => Atomic.Run(() =>
    {
        long balance = (_balances.TryGetValue(name, out long b) ? b : 0) + amount;
        _balances[name] = balance;
        return balance;
    });

    /// <summary>Moves money if the source can afford it; the audit line is written only once the transfer committed.</summary>
    public bool Transfer(string from, string to, long amount, IAuditLog log) => Atomic.Run(() =>
    {
        long available = _balances.TryGetValue(from, out long b) ? b : 0;
        if (available < amount)
        {
            return false;
        }

        _balances[from] = available - amount;
        _balances[to] = (_balances.TryGetValue(to, out long t) ? t : 0) + amount;
        _transfers.Increment();
        Atomic.OnCommit(() => log.Write($"transfer {amount} {from} -> {to}")); // I/O after commit, exactly once
        return true;
    });

    public (long Total, long Transfers, int Accounts) Totals() =>
        Atomic.Run(() => (_balances.Sum(p => p.Value), _transfers.Value, _balances.Count));

    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() => Atomic.Run(() => _balances.ToList());
}

/// <summary>Where committed transfers are logged (an irreversible effect, so never inside a transaction).</summary>
internal interface IAuditLog
{
    void Write(string line);
}
