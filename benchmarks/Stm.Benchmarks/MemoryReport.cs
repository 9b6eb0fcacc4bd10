using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using Stm.Benchmarks.Model;
using Stm.Engine;

namespace Stm.Benchmarks;

/// <summary>
/// The <c>--memory</c> mode: read-tracking memory, measured inside real transactions through the runtime's
/// internal read log (visible to this assembly). Prints a markdown table; exits non-zero if a check fails.
/// </summary>
internal static class MemoryReport
{
    public static int Run(int distinct, long rereads)
    {
        var failures = new List<string>();
        var rows = new List<(string Row, string Value, string Target)>();
        Box[] boxes = Fixtures.DistinctBoxes(distinct);

        // 1. One transaction re-reading a single object `rereads` times: read tracking must not grow. (First, so that
        //    the read log has not yet grown for the large transaction below: it may keep its arrays for reuse.)
        Box one = boxes[0];
        long footprintEarly = 0, footprintLate = 0;
        var watch = Stopwatch.StartNew();
        Atomic.Run(() =>
        {
            long total = 0;
            _ = one.Value;
            footprintEarly = Segment.Current!.Reads.FootprintBytes;
            for (long i = 0; i < rereads; i++)
            {
                total += one.Value;
            }

            footprintLate = Segment.Current.Reads.FootprintBytes;
            return total;
        });
        watch.Stop();
        if (footprintLate != footprintEarly)
        {
            failures.Add($"re-reading one object {rereads} times grew the read log from {footprintEarly} to {footprintLate} bytes");
        }

        rows.Add(($"read-tracking bytes after 1 read / after {rereads:N0} re-reads of one object", $"{footprintEarly:N0} / {footprintLate:N0}", "constant"));
        // One timed run in on-stack-replacement code, whose layout varies by process: a cross-check, not the target's
        // figure (BenchmarkDotNet's ReadBenchmarks.Stm_RepeatedRead is; it repeats and reports its spread).
        rows.Add(($"time per re-read ({rereads:N0} in one transaction, one timed run)", F(watch.Elapsed.TotalNanoseconds / rereads) + " ns", "— (≤ 3 ns is judged on `Stm_RepeatedRead`)"));

        // 2. One transaction reading `distinct` distinct objects: bytes of read tracking per object read.
        StmStatistics before = Atomic.Statistics;
        int attempts = 0;
        long footprint = 0;
        int logged = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        watch.Restart();
        long sum = Atomic.Run(() =>
        {
            attempts++;
            Segment.Current!.KeepLoggingReads(); // the log's own cost: a first attempt would stop logging (row 3)
            long total = 0;
            for (int i = 0; i < boxes.Length; i++)
            {
                total += boxes[i].Value;
            }

            footprint = Segment.Current!.Reads.FootprintBytes;
            logged = Segment.Current.Reads.Count;
            return total;
        });
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        long aborts = Atomic.Statistics.Since(before).Aborts;
        long expected = (long)distinct * (distinct - 1) / 2;
        if (sum != expected)
        {
            failures.Add($"sum of {distinct} reads was {sum}, expected {expected}");
        }

        if (aborts != 0 || attempts != 1)
        {
            failures.Add($"the {distinct}-read transaction took {attempts} attempts ({aborts} aborts) with nobody writing");
        }

        rows.Add(($"read-tracking bytes per distinct object read ({distinct:N0} objects, log + cache arrays; a logged attempt)", F((double)footprint / distinct), "≤ 16"));
        rows.Add(($"objects in the read log after {distinct:N0} distinct reads", logged.ToString("N0", CultureInfo.InvariantCulture), "= objects read"));
        rows.Add(($"bytes allocated by the transaction per distinct object read (incl. array growth)", F((double)allocated / distinct), "—"));
        rows.Add(($"time of the {distinct:N0}-read transaction", F(watch.Elapsed.TotalMilliseconds) + " ms", "—"));
        rows.Add(($"attempts / aborts of that transaction (nobody writes)", $"{attempts} / {aborts}", "1 / 0"));

        // 3. The same transaction as a first attempt runs it: it stops logging after a few reads (SnapshotReads).
        before = Atomic.Statistics;
        attempts = 0;
        watch.Restart();
        sum = Atomic.Run(() =>
        {
            attempts++;
            long total = 0;
            for (int i = 0; i < boxes.Length; i++)
            {
                total += boxes[i].Value;
            }

            logged = Segment.Current!.Reads.Count;
            return total;
        });
        watch.Stop();
        aborts = Atomic.Statistics.Since(before).Aborts;
        if (sum != expected || aborts != 0 || attempts != 1)
        {
            failures.Add($"the {distinct}-read first attempt summed {sum} in {attempts} attempts ({aborts} aborts)");
        }

        rows.Add(($"objects logged by a first attempt reading {distinct:N0} distinct objects (it stops logging)", logged.ToString("N0", CultureInfo.InvariantCulture), "—"));
        rows.Add(($"time of that first attempt", F(watch.Elapsed.TotalMilliseconds) + " ms", "—"));

        Console.WriteLine("| memory row | measured | target |");
        Console.WriteLine("|---|---:|---|");
        foreach ((string row, string value, string target) in rows)
        {
            Console.WriteLine($"| {row} | {value} | {target} |");
        }

        foreach (string failure in failures)
        {
            Console.Error.WriteLine("FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
