using System;
using System.Linq;
using Stm.Engine;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>Large transactions: read tracking follows the number of distinct objects read, not the number of reads.</summary>
public class CapacityTests
{
    [Fact]
    public void One_transaction_reads_a_million_distinct_objects_without_aborting_in_bounded_memory()
    {
        const int Count = 1_000_000;
        Cell[] cells = Atomic.Run(() =>
        {
            var created = new Cell[Count];
            for (int i = 0; i < Count; i++)
            {
                created[i] = new Cell(i);
            }

            return created;
        });
        int attempts = 0;
        int logged = 0;
        long footprint = 0;
        StmStatistics before = Atomic.Statistics;

        long sum = Atomic.Run(() =>
        {
            attempts++;
            Segment.Current!.KeepLoggingReads(); // the log's bound; a first attempt would stop logging (SnapshotReadsTests)
            long total = 0;
            foreach (Cell cell in cells)
            {
                total += cell.Value;
            }

            logged = Segment.Current!.Reads.Count;
            footprint = Segment.Current.Reads.FootprintBytes;
            return total;
        });

        Assert.Equal((long)Count * (Count - 1) / 2, sum);
        Assert.Equal(1, attempts);
        Assert.Equal(0, Atomic.Statistics.Since(before).Aborts);
        Assert.Equal(Count, logged);
        Assert.True(footprint <= 16L * Count, $"read tracking used {footprint} bytes for {Count} objects (> 16 bytes each)");
    }

    [Fact]
    public void Re_reading_one_object_ten_million_times_does_not_grow_memory()
    {
        var cell = new Cell(3);
        (long allocated, int logged, long sum) = Atomic.Run(() =>
        {
            _ = cell.Value; // first read: recorded
            long total = 0;
            long start = 0;
            for (int i = 0; i < 11_000_000; i++)
            {
                if (i == 1_000_000)
                {
                    // Measure after a warm-up: the runtime's one-time work (tiering the loop up, on-stack
                    // replacement) may allocate on this thread, and is not what this test is about.
                    start = GC.GetAllocatedBytesForCurrentThread();
                    total = 0;
                }

                total += cell.Value;
            }

            return (GC.GetAllocatedBytesForCurrentThread() - start, Segment.Current!.Reads.Count, total);
        });

        Assert.True(sum == 30_000_000, $"10^7 reads of 3 summed to {sum}");
        Assert.True(logged == 1, $"one object re-read left {logged} entries in the read log");
        Assert.True(allocated < 1_024, $"10^7 repeated reads allocated {allocated} bytes");
    }

    [Fact]
    public void Re_reading_a_working_set_that_overflows_the_read_cache_keeps_the_log_near_its_size()
    {
        // More objects than the initial read cache has slots: the re-reads switch the log to its cached mode, whose set
        // holds each object once, so the log ends with exactly the distinct objects, not the 5 * 10^6 reads.
        const int Distinct = 5_000;
        Cell[] cells = Atomic.Run(() => Enumerable.Range(0, Distinct).Select(i => new Cell(1)).ToArray());
        (int logged, long sum) = Atomic.Run(() =>
        {
            Segment.Current!.KeepLoggingReads();
            long total = 0;
            for (int round = 0; round < 1_000; round++)
            {
                foreach (Cell cell in cells)
                {
                    total += cell.Value;
                }
            }

            return (Segment.Current!.Reads.Count, total);
        });

        Assert.Equal(Distinct * 1_000L, sum);
        Assert.Equal(Distinct, logged);
    }
}
