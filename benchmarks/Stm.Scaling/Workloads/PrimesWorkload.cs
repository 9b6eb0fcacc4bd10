using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Stm.Scaling.Harness;

namespace Stm.Scaling.Workloads;

/// <summary>
/// <c>primes</c>: the talk's "counting primes" demo. Each transaction counts the primes of one range of 1,000
/// numbers below 1,000,000 by trial division and adds the count to one shared total. Mostly computation; the
/// shared write comes last, so transactions conflict only if they commit at nearly the same time.
/// Invariant: the total equals the sum of the (sieved) prime counts of every range committed.
/// </summary>
internal sealed class PrimesWorkload : Workload
{
    public const int RangeWidth = 1000;
    public const int Ranges = 1000;
    private readonly int[] _counts = SieveCounts();
    private Plain.Counter? _plain;
    private Model.Counter? _stm;
    private Peer.Counter? _peer;

    public override IReadOnlyList<Worker> Setup(Variant variant, int threads)
    {
        var workers = new Worker[threads];
        _stm = variant == Variant.Stm ? new Model.Counter() : null;
        _peer = variant == Variant.LangExt ? new Peer.Counter() : null;
        _plain = variant is Variant.Plain or Variant.Lock ? new Plain.Counter() : null;
        for (int i = 0; i < threads; i++)
        {
            workers[i] = _stm is not null ? new StmWorker(i, threads, _stm)
                : _peer is not null ? new LangExtWorker(i, threads, _peer)
                : new PlainWorker(i, threads, _plain!);
        }

        return workers;
    }

    public override string? Verify(IReadOnlyList<Worker> workers)
    {
        long expected = 0;
        foreach (Worker worker in workers)
        {
            for (long op = 0; op < worker.Op; op++)
            {
                expected += _counts[RangeOf(op, workers.Count, worker.Index)];
            }
        }

        long total = _stm is not null ? _stm.Value : _peer is not null ? _peer.Value : _plain!.Value;
        return total == expected ? null : $"the total is {total}, the committed ranges hold {expected} primes";
    }

    /// <summary>The range counted by transaction <paramref name="op"/> of a worker: the workers interleave over all ranges.</summary>
    private static int RangeOf(long op, int threads, int worker) => (int)(((op * threads) + worker) % Ranges);

    /// <summary>The kernel: trial division, out of line so the JIT compiles it the same in every variant.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int CountPrimes(int range)
    {
        int count = 0;
        int end = (range + 1) * RangeWidth;
        for (int n = range * RangeWidth; n < end; n++)
        {
            if (IsPrime(n))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (int d = 3; d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Prime counts per range by the sieve of Eratosthenes: an independent check of the kernel.</summary>
    private static int[] SieveCounts()
    {
        int limit = Ranges * RangeWidth;
        var composite = new bool[limit];
        composite[0] = composite[1] = true;
        for (int p = 2; (long)p * p < limit; p++)
        {
            if (!composite[p])
            {
                for (int m = p * p; m < limit; m += p)
                {
                    composite[m] = true;
                }
            }
        }

        var counts = new int[Ranges];
        for (int n = 0; n < limit; n++)
        {
            counts[n / RangeWidth] += composite[n] ? 0 : 1;
        }

        return counts;
    }

    private sealed class PlainWorker(int index, int threads, Plain.Counter total) : Worker(index)
    {
        public override void Body()
        {
            int count = CountPrimes(RangeOf(Op, threads, Index));
            total.Value += count;
        }
    }

    private sealed class StmWorker(int index, int threads, Model.Counter total) : Worker(index)
    {
        public override void Body()
        {
            int count = CountPrimes(RangeOf(Op, threads, Index));
            total.Value += count;
        }
    }

    private sealed class LangExtWorker(int index, int threads, Peer.Counter total) : PeerWorker(index)
    {
        public override void Body()
        {
            int count = CountPrimes(RangeOf(Op, threads, Index));
            total.Value += count;
        }
    }
}
