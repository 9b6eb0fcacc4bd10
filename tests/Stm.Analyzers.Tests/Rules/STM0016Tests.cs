using System.Threading.Tasks;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0016Tests
{
    private static readonly TransactionOnlyCallOutsideAtomicBlockAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_calls_no_atomic_block_reaches() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            private static void Log() => [|Atomic.OnCommit|](() => { });

            public static void Main()
            {
                [|Atomic.Retry|]();
                [|Atomic.BecomeInevitable|]();
                [|Atomic.OnAbort|](() => { });
                Task.Run(() => [|Atomic.Retry|]());
                new System.Threading.Thread(() => [|Atomic.Retry|]()).Start();
                Atomic.Run(() => Atomic.OnCommit(() => [|Atomic.Retry|]()));
                Log();
            }
        }
        """,
        outputKind: Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

    [Fact]
    public Task Ignores_calls_inside_blocks_and_in_methods_blocks_reach() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Queue
        {
            private static int s_items;

            private static void WaitForItems()
            {
                if (s_items == 0)
                {
                    Atomic.Retry();
                }
            }

            private static void Audit() => Atomic.OnCommit(() => Console.WriteLine("done"));

            private static void RunInTransaction(Action body) => Atomic.Run(body);

            private sealed class Transaction
            {
                public Transaction(Action body) => Atomic.Run(body);
            }

            public static void Main()
            {
                Atomic.Run(() => { WaitForItems(); Atomic.BecomeInevitable(); });
                Atomic.Run(Audit);
                Atomic.OrElse(() => Atomic.Retry(), () => Atomic.OnAbort(() => { }));
                RunInTransaction(() => Atomic.Retry());
                _ = new Transaction(() => Atomic.Retry());
                Action later = () => Atomic.Retry();
            }

            // Nobody in this compilation calls it: its callers are unknown.
            private static void Unused() => Atomic.Retry();
        }
        """,
        outputKind: Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);
}
