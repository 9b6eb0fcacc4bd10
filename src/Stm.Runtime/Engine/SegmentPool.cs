using System;
using System.Threading;

namespace Stm.Engine;

/// <summary>
/// The bounded pool of segments (<see cref="StmOptions.SegmentCount"/>, by default twice the core count).
/// A thread prefers the segment it used last, so its read-log cache stays warm in its core's cache; when
/// every segment is busy, further threads wait, as in c7.
/// </summary>
internal static class SegmentPool
{
    private static Segment[]? s_segments;
    private static readonly object s_gate = new();

    [ThreadStatic]
    private static int t_preferred;

    internal static Segment[] All => s_segments ?? Initialize();

    internal static bool IsInitialized => Volatile.Read(ref s_segments) is not null;

    internal static Segment Acquire()
    {
        Segment[] segments = All;
        Segment preferred = segments[t_preferred];
        if (Volatile.Read(ref preferred.InUse) == 0 && Interlocked.CompareExchange(ref preferred.InUse, 1, 0) == 0)
        {
            return preferred;
        }

        return AcquireSlow(segments);
    }

    private static Segment AcquireSlow(Segment[] segments)
    {
        var spin = default(SpinWait);
        int start = (Environment.CurrentManagedThreadId * 7) % segments.Length;
        while (true)
        {
            for (int i = 0; i < segments.Length; i++)
            {
                int index = (start + i) % segments.Length;
                Segment segment = segments[index];
                if (Volatile.Read(ref segment.InUse) == 0 && Interlocked.CompareExchange(ref segment.InUse, 1, 0) == 0)
                {
                    t_preferred = index;
                    return segment;
                }
            }

            spin.SpinOnce(sleep1Threshold: 50);
        }
    }

    internal static void Release(Segment segment) => Volatile.Write(ref segment.InUse, 0);

    private static Segment[] Initialize()
    {
        lock (s_gate)
        {
            if (s_segments is null)
            {
                int count = StmOptions.FreezeSegmentCount();
                var segments = new Segment[count];
                for (int i = 0; i < count; i++)
                {
                    segments[i] = new Segment(i);
                }

                Volatile.Write(ref s_segments, segments);
                StmMetrics.EnsureCreated();
            }

            return s_segments;
        }
    }
}
