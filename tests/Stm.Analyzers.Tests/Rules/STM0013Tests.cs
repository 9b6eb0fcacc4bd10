using System.Threading.Tasks;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0013Tests
{
    private static readonly BlockingInAtomicBlockAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_locks_interlocked_volatile_and_blocking_waits() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Threading;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            private static readonly object Gate = new();
            private static int s_count;

            public static void Main(Task<int> pending, SemaphoreSlim semaphore, ManualResetEvent signal) => Atomic.Run(() =>
            {
                [|lock|] (Gate) { s_count = 1; }
                [|Monitor.Enter|](Gate);
                [|Interlocked.Increment|](ref s_count);
                _ = [|Volatile.Read|](ref s_count);
                int result = [|pending.Result|];
                [|pending.Wait|]();
                [|semaphore.Wait|]();
                [|signal.WaitOne|]();
            });
        }
        """);

    [Fact]
    public Task Ignores_synchronisation_outside_atomic_blocks_and_non_blocking_task_members() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System.Threading;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            private static readonly object Gate = new();
            private static int s_count;

            public static void Main(Task<int> pending)
            {
                lock (Gate) { s_count++; }
                Interlocked.Increment(ref s_count);
                Atomic.Run(() =>
                {
                    bool done = pending.IsCompleted;
                    Atomic.OnCommit(() => Interlocked.Increment(ref s_count));
                });
            }
        }
        """);

    [Fact]
    public Task BecomeInevitable_silences_only_what_follows_an_unconditional_call() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Threading;
        using Stm;

        internal static class Program
        {
            private static int s_count;

            public static void Main(bool flag)
            {
                Atomic.Run(() => { if (flag) Atomic.BecomeInevitable(); [|Interlocked.Increment|](ref s_count); });
                Atomic.Run(() => { Atomic.BecomeInevitable(); Interlocked.Increment(ref s_count); });
            }
        }
        """);
}
