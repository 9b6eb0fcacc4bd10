// The Stm demo: many threads move money between accounts at random, each transfer an atomic block.
// No locks anywhere; the runtime detects conflicting transfers, aborts and re-runs the losers, and the
// total at the end is exactly what it was at the start.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Bank;
using Stm;

Options? options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

const long InitialBalance = 1_000;
Account[] accounts = Enumerable.Range(0, options.Accounts).Select(n => new Account(n, InitialBalance)).ToArray();
long expectedTotal = options.Accounts * InitialBalance;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Stm bank: {options.Threads} threads, {options.Accounts} accounts, {options.Seconds:0.##} s of random transfers"));

StmStatistics before = Atomic.Statistics;
long transfers = 0;
bool stop = false;
Thread[] workers = Enumerable.Range(0, options.Threads).Select(seed => new Thread(() =>
{
    var random = new Random(seed);
    long done = 0;
    while (!Volatile.Read(ref stop))
    {
        Account from = accounts[random.Next(accounts.Length)];
        Account to = accounts[random.Next(accounts.Length)];
        long amount = random.Next(1, 100);
        Atomic.Run(() =>
        {
            if (from != to && from.Balance >= amount)
            {
                from.Balance -= amount;
                to.Balance += amount;
                from.Transfers++;
                to.Transfers++;
            }
        });
        done++;
    }

    Interlocked.Add(ref transfers, done);
})
{ IsBackground = true }).ToArray();

var clock = Stopwatch.StartNew();
foreach (Thread worker in workers)
{
    worker.Start();
}

Thread.Sleep(TimeSpan.FromSeconds(options.Seconds));
Volatile.Write(ref stop, true);
foreach (Thread worker in workers)
{
    worker.Join();
}

clock.Stop();

// One more transaction reads every account at once: a consistent snapshot.
long total = Atomic.Run(() => accounts.Sum(a => a.Balance));
StmStatistics stats = Atomic.Statistics.Since(before);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"transfers     {transfers,14:N0}  ({transfers / clock.Elapsed.TotalSeconds:N0}/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"commits       {stats.Commits,14:N0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"aborts        {stats.Aborts,14:N0}  (rate {stats.AbortRate:P2}; write-write {stats.WriteWriteAborts:N0}, read-write {stats.ReadWriteAborts:N0})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time lost     {stats.TimeLostInAborts.TotalMilliseconds,14:N1} ms in aborted attempts"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total         {total,14:N0}  (expected {expectedTotal:N0})"));
Console.WriteLine();
Console.WriteLine("Conflict report:");
Console.WriteLine(Atomic.ConflictReport.ToString());
Console.WriteLine();

if (total != expectedTotal)
{
    Console.WriteLine("FAILED: money was created or destroyed.");
    return 1;
}

Console.WriteLine("OK: the total is exact.");
return 0;
