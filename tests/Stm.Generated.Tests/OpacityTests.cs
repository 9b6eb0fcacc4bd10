using System;
using System.Linq;
using System.Threading;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class OpacityTests
{
    [Fact]
    public void Readers_never_observe_a_broken_invariant_across_two_objects_even_in_doomed_attempts()
    {
        var x = new Cell<long>();
        var y = new Cell<long>();
        int violations = 0;
        long consistentReads = 0;
        bool stop = false;

        Thread[] writers = Enumerable.Range(0, 2).Select(w => new Thread(() =>
        {
            var random = new Random(w);
            for (int i = 0; i < 30_000; i++)
            {
                long delta = random.Next(1, 1000);
                Atomic.Run(() =>
                {
                    x.Value += delta;
                    y.Value -= delta;
                });
            }
        })).ToArray();

        Thread[] readers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                Atomic.Run(() =>
                {
                    long a = x.Value;
                    Thread.SpinWait(20); // widen the window between the two reads
                    long b = y.Value;
                    if (a + b != 0)
                    {
                        Interlocked.Increment(ref violations); // checked inside the body: aborted attempts count too
                    }
                });
                Interlocked.Increment(ref consistentReads);
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

        Assert.Equal(0, violations);
        Assert.True(consistentReads > 0);
        Assert.Equal(0, Atomic.Run(() => x.Value + y.Value));
        Assert.NotEqual(0, x.Value);
    }
}
