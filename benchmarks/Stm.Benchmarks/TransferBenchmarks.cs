using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Stm.Benchmarks.Model;

namespace Stm.Benchmarks;

/// <summary>
/// The scaling harness's <c>bank-1M</c> as a cost per transfer, one thread: move a small amount between two random
/// accounts of 1,000,000, so that nearly every account access misses the cache. Side by side: plain code, one
/// global lock, fine-grained locking (a spin lock per account, taken in index order) and a transaction per
/// transfer. Each transfer draws its accounts and amount with the harness's own arithmetic (<see cref="Pick"/>), so
/// every variant moves the same amounts between the same accounts and the ratios compare with the harness's.
/// </summary>
/// <remarks>
/// What separates the variants here is less the work than memory-level parallelism: a plain or finely locked
/// transfer is short enough for the processor to start the next transfers' misses while this one's are
/// outstanding; a longer path between one transfer's misses and the next one's keeps them apart.
/// </remarks>
public class TransferBenchmarks
{
    private const int Accounts = 1_000_000;
    private const long InitialBalance = 1_000;

    private readonly object _gate = new();
    private Box[] _boxes = [];
    private PlainBox[] _plain = [];
    private LockedBox[] _locked = [];
    private long _next;
    private Box _source = null!;
    private Box _destination = null!;
    private long _amount;
    private Action _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _boxes = new Box[Accounts];
        _plain = new PlainBox[Accounts];
        _locked = new LockedBox[Accounts];
        Atomic.Run(() =>
        {
            for (int i = 0; i < Accounts; i++)
            {
                _boxes[i] = new Box(InitialBalance);
            }
        });
        for (int i = 0; i < Accounts; i++)
        {
            _plain[i] = new PlainBox(InitialBalance);
        }

        for (int i = 0; i < Accounts; i++)
        {
            _locked[i] = new LockedBox(InitialBalance); // a loop of its own: each variant's accounts lie contiguous, as in the harness
        }

        _body = () =>
        {
            long balance = _source.Value;
            if (balance >= _amount)
            {
                _source.Value = balance - _amount;
                _destination.Value += _amount;
            }
        };
    }

    // plain: two field updates
    [Benchmark(Baseline = true, OperationsPerInvoke = Fixtures.Batch)]
    public void Plain_Transfers()
    {
        PlainBox[] accounts = _plain;
        long next = _next;
        for (int i = 0; i < Fixtures.Batch; i++, next++)
        {
            (int from, int to, long amount) = Pick(next);
            Transfer(accounts[from], accounts[to], amount);
        }

        _next = next;
    }

    // one global lock around each transfer
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Lock_Transfers()
    {
        PlainBox[] accounts = _plain;
        long next = _next;
        for (int i = 0; i < Fixtures.Batch; i++, next++)
        {
            lock (_gate)
            {
                (int from, int to, long amount) = Pick(next);
            Transfer(accounts[from], accounts[to], amount);
            }
        }

        _next = next;
    }

    // fine-grained locking: each account's own spin lock, the lower index first (no deadlock)
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void FineLock_Transfers()
    {
        LockedBox[] accounts = _locked;
        long next = _next;
        for (int i = 0; i < Fixtures.Batch; i++, next++)
        {
            (int from, int to, long amount) = Pick(next);
            LockedBox source = accounts[from];
            LockedBox destination = accounts[to];
            LockedBox first = from < to ? source : destination;
            LockedBox second = from < to ? destination : source;
            Acquire(first);
            Acquire(second);
            long balance = source.Value;
            if (balance >= amount)
            {
                source.Value = balance - amount;
                destination.Value += amount;
            }

            Volatile.Write(ref second.Gate, 0);
            Volatile.Write(ref first.Gate, 0);
        }

        _next = next;
    }

    // stm: one transaction per transfer
    [Benchmark(OperationsPerInvoke = Fixtures.Batch)]
    public void Stm_Transfers()
    {
        Box[] accounts = _boxes;
        long next = _next;
        for (int i = 0; i < Fixtures.Batch; i++, next++)
        {
            (int from, int to, long amount) = Pick(next);
            _source = accounts[from];
            _destination = accounts[to];
            _amount = amount;
            Atomic.Run(_body);
        }

        _next = next;
    }

    /// <summary>
    /// Transfer <paramref name="op"/>'s source, destination and amount, as the scaling harness's bank workload draws
    /// them (SplitMix64's finaliser, then remainders), so that this table pays the same arithmetic per transfer.
    /// </summary>
    private static (int From, int To, long Amount) Pick(long op)
    {
        ulong z = 0x5EED + ((ulong)op * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        ulong r = z ^ (z >> 31);
        int from = (int)(r % Accounts);
        int to = (int)((from + 1 + (long)((r >> 32) % (Accounts - 1))) % Accounts);
        return (from, to, 1 + (long)((r >> 24) & 15));
    }

    private static void Transfer(PlainBox source, PlainBox destination, long amount)
    {
        long balance = source.Value;
        if (balance >= amount)
        {
            source.Value = balance - amount;
            destination.Value += amount;
        }
    }

    private static void Acquire(LockedBox box)
    {
        while (Interlocked.CompareExchange(ref box.Gate, 1, 0) != 0)
        {
            Thread.SpinWait(1);
        }
    }
}
