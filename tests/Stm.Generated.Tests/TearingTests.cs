using System.Linq;
using System.Threading;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class TearingTests
{
    [Fact]
    public void A_wide_struct_property_is_never_read_torn_in_or_out_of_transactions()
    {
        var wide = new Wide { Value = Quad.Of(0) };
        int torn = 0;
        bool stop = false;

        Thread[] writers = Enumerable.Range(0, 2).Select(w => new Thread(() =>
        {
            for (long i = 1; i <= 20_000; i++)
            {
                long v = (i * 2) + w;
                if (i % 2 == 0)
                {
                    wide.Value = Quad.Of(v); // outside: a one-write transaction
                }
                else
                {
                    Atomic.Run(() => wide.Value = Quad.Of(v));
                }
            }
        })).ToArray();

        Thread[] readers = Enumerable.Range(0, 2).Select(r => new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                Quad seen = r == 0 ? wide.Value : Atomic.Run(() => wide.Value);
                if (!seen.IsConsistent)
                {
                    Interlocked.Increment(ref torn);
                }
            }
        })).ToArray();

        foreach (Thread thread in readers.Concat(writers))
        {
            thread.Start();
        }

        foreach (Thread writer in writers)
        {
            writer.Join();
        }

        Volatile.Write(ref stop, true);
        foreach (Thread reader in readers)
        {
            reader.Join();
        }

        Assert.Equal(0, torn);
        Assert.True(wide.Value.IsConsistent);
        Assert.True(wide.Value.A >= 40_000);
    }
}
