using System.Linq;
using System.Threading;
using Stm.Runtime.Tests.Model;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Stm.Runtime.Tests;

public class SmokeTests
{
    [Fact]
    public void Transfer_keeps_total_under_contention()
    {
        var accounts = Enumerable.Range(0, 64).Select(i => new Account("a" + i, 1000)).ToArray();
        var before = Atomic.Statistics;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var rng = new System.Random(t);
            for (int i = 0; i < 100_000; i++)
            {
                var from = accounts[rng.Next(accounts.Length)];
                var to = accounts[rng.Next(accounts.Length)];
                Atomic.Run(() => { from.Balance -= 1; to.Balance += 1; });
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        long total = Atomic.Run(() => accounts.Sum(a => a.Balance));
        Assert.Equal(64 * 1000, total);
        var delta = Atomic.Statistics.Since(before);
        Assert.True(delta.Commits >= 400_000);
        Assert.True(delta.Aborts > 0, "expected conflicts");
    }
}
