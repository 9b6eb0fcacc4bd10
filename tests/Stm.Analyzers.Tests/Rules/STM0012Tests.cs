using System.Threading.Tasks;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0012Tests
{
    private static readonly AwaitInAtomicBlockAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_every_await_inside_an_atomic_block() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main(IAsyncEnumerable<int> items, System.IAsyncDisposable resource) => Atomic.Run(async () =>
            {
                [|await|] Task.Delay(1);
                [|await|] foreach (int item in items) { }
                [|await|] using (resource) { }
            });
        }
        """);

    [Fact]
    public Task Reports_an_async_lambda_or_async_method_group_without_await() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            private static async Task WorkAsync() => await Task.Yield();

        #pragma warning disable CS1998 // the async lambda without await is the point of the test
            public static void Main()
            {
                Atomic.Run([|async|] () => { });
                Atomic.Run([|WorkAsync|]);
                Atomic.ForEach(new[] { 1, 2 }, [|async|] item => { });
            }
        #pragma warning restore CS1998
        }
        """);

    [Fact]
    public Task Ignores_await_outside_atomic_blocks_and_in_handlers() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static async Task MainAsync()
            {
                await Task.Yield();
                int total = Atomic.Run(() => 1 + 2);
                await Task.Run(() => Atomic.Run(() => { }));
                Atomic.Run(() => Atomic.OnCommit(async () => await Task.Yield()));
            }
        }
        """);
}
