// The "counting primes" demo of the EuroPython STM talk: split a range into chunks, count the primes of
// each chunk as its own transaction on all cores (Stm.TransactionQueue), and add the results to shared
// state. The adds go to a TCounter (commutative: never a conflict) and the per-chunk results to a
// TDictionary (different keys: no conflict), so the run scales while behaving as if the chunks ran one
// at a time. The serial count is the check.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Stm;
using Stm.Collections;

int limit = 3_000_000, chunk = 20_000, threads = Environment.ProcessorCount;
for (int i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--limit": limit = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--chunk": chunk = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
    }
}

Console.WriteLine($"Counting primes below {limit:N0} in chunks of {chunk:N0} on {threads} thread(s).");

var serialWatch = Stopwatch.StartNew();
long serial = Primes.CountIn(2, limit);
serialWatch.Stop();

var total = new TCounter();
var perChunk = new TDictionary<int, long>();
var queue = new TransactionQueue();
for (int start = 2; start < limit; start += chunk)
{
    int from = start, to = Math.Min(start + chunk, limit);
    queue.Add(() =>
    {
        long count = Primes.CountIn(from, to); // pure computation: no barriers
        total.Add(count);
        perChunk[from] = count;
    });
}

var before = Atomic.Statistics;
var parallelWatch = Stopwatch.StartNew();
queue.Run(threads);
parallelWatch.Stop();
var stats = Atomic.Statistics.Since(before);

Console.WriteLine($"serial:   {serial:N0} primes in {serialWatch.Elapsed.TotalMilliseconds:F0} ms");
Console.WriteLine($"parallel: {total.Value:N0} primes in {parallelWatch.Elapsed.TotalMilliseconds:F0} ms " +
                  $"({serialWatch.Elapsed / parallelWatch.Elapsed:F2}x), {perChunk.Count} chunks, " +
                  $"{stats.Commits} commits, {stats.Aborts} aborts");
if (total.Value != serial)
{
    Console.Error.WriteLine("MISMATCH: the transactional total differs from the serial count.");
    return 1;
}

Console.WriteLine("OK: the transactional total equals the serial count.");
Console.WriteLine(Atomic.ConflictReport);
return 0;

internal static class Primes
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long CountIn(int from, int to)
    {
        long count = 0;
        for (int n = Math.Max(from, 2); n < to; n++)
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
        if (n < 4)
        {
            return n >= 2;
        }

        if (n % 2 == 0)
        {
            return false;
        }

        for (int d = 3; (long)d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
