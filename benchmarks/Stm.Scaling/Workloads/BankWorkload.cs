using System.Collections.Generic;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>bank-1M</c> / <c>bank-64</c>: each transaction moves a small random amount between two random accounts if the
/// source can pay. With 1,000,000 accounts conflicts are rare and reads miss the cache; with 64 they are frequent.
/// Invariant: the total is unchanged and no balance is negative.
/// </summary>
internal sealed class BankWorkload(int accounts) : Workload
{
    public const long InitialBalance = 1000;
    private Plain.Account[]? _plain;
    private Model.Account[]? _stm;
    private Peer.Account[]? _peer;

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        if (variant == Variant.Stm)
        {
            var all = new Model.Account[accounts];
            Atomic.Run(() =>
            {
                for (int i = 0; i < all.Length; i++)
                {
                    all[i] = new Model.Account(InitialBalance);
                }
            });
            _stm = all;
            for (int i = 0; i < threads; i++)
            {
                workers[i] = new StmWorker(i, all);
            }
        }
        else if (variant == Variant.LangExt)
        {
            // Outside any transaction: creating a LanguageExt Ref publishes it with its initial value.
            _peer = new Peer.Account[accounts];
            for (int i = 0; i < _peer.Length; i++)
            {
                _peer[i] = new Peer.Account(InitialBalance);
            }

            for (int i = 0; i < threads; i++)
            {
                workers[i] = new LangExtWorker(i, _peer);
            }
        }
        else
        {
            _plain = new Plain.Account[accounts];
            for (int i = 0; i < _plain.Length; i++)
            {
                _plain[i] = new Plain.Account(InitialBalance);
            }

            for (int i = 0; i < threads; i++)
            {
                workers[i] = new PlainWorker(i, _plain);
            }
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long total = 0;
        for (int i = 0; i < accounts; i++)
        {
            long balance = _stm is not null ? _stm[i].Balance : _peer is not null ? _peer[i].Balance : _plain![i].Balance;
            if (balance < 0)
            {
                return $"account {i} has a negative balance {balance}";
            }

            total += balance;
        }

        long expected = accounts * InitialBalance;
        return total == expected ? null : $"the accounts total {total}, expected {expected}";
    }

    /// <summary>The transfer of transaction <paramref name="op"/> of the worker with <paramref name="seed"/>: source, destination, amount.</summary>
    private static (int From, int To, long Amount) Pick(ulong seed, long op, int count)
    {
        ulong r = Mix.At(seed, op);
        int from = (int)(r % (ulong)count);
        int to = (int)((from + 1 + (long)((r >> 32) % (ulong)(count - 1))) % count);
        return (from, to, 1 + (long)((r >> 24) & 15));
    }

    private sealed class PlainWorker(int index, Plain.Account[] accounts) : Worker(index)
    {
        private readonly ulong _seed = Mix.Seed(index);

        public override void Body()
        {
            (int from, int to, long amount) = Pick(_seed, Op, accounts.Length);
            Plain.Account source = accounts[from];
            Plain.Account destination = accounts[to];
            long balance = source.Balance;
            if (balance >= amount)
            {
                source.Balance = balance - amount;
                destination.Balance += amount;
            }
        }
    }

    private sealed class StmWorker(int index, Model.Account[] accounts) : Worker(index)
    {
        private readonly ulong _seed = Mix.Seed(index);

        public override void Body()
        {
            (int from, int to, long amount) = Pick(_seed, Op, accounts.Length);
            Model.Account source = accounts[from];
            Model.Account destination = accounts[to];
            long balance = source.Balance;
            if (balance >= amount)
            {
                source.Balance = balance - amount;
                destination.Balance += amount;
            }
        }
    }

    private sealed class LangExtWorker(int index, Peer.Account[] accounts) : PeerWorker(index)
    {
        private readonly ulong _seed = Mix.Seed(index);

        public override void Body()
        {
            (int from, int to, long amount) = Pick(_seed, Op, accounts.Length);
            Peer.Account source = accounts[from];
            Peer.Account destination = accounts[to];
            long balance = source.Balance;
            if (balance >= amount)
            {
                source.Balance = balance - amount;
                destination.Balance += amount;
            }
        }
    }
}
