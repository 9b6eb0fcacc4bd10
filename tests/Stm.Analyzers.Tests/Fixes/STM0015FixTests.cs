using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

public sealed class STM0015FixTests
{
    private static readonly ReadModifyWriteOutsideAtomicBlockAnalyzer Analyzer = new();
    private static readonly WrapInAtomicRunCodeFix Fix = new();

    private const string Counter = """

        [Transactional]
        internal partial class Counter
        {
            public partial long Value { get; set; }
        }
        """;

    [Fact]
    public Task Statement_is_wrapped_in_Atomic_Run() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        internal static class Program
        {
            public static void Main() => Bump(new Counter());

            private static void Bump(Counter counter)
            {
                counter.Value += 2; // two at a time
            }
        }
        """ + Counter, """
        using Stm;

        internal static class Program
        {
            public static void Main() => Bump(new Counter());

            private static void Bump(Counter counter)
            {
                Atomic.Run(() => counter.Value += 2); // two at a time
            }
        }
        """ + Counter, WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task Fix_all_in_document() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main() => Bump(new Counter());

            private static long Bump(Counter counter)
            {
                counter.Value++;
                Parallel.For(0, 4, i => counter.Value += i);
                return counter.Value = counter.Value * 2;
            }
        }
        """ + Counter, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main() => Bump(new Counter());

            private static long Bump(Counter counter)
            {
                Atomic.Run(() => counter.Value++);
                Parallel.For(0, 4, i => Atomic.Run(() => counter.Value += i));
                return Atomic.Run(() => counter.Value = counter.Value * 2);
            }
        }
        """ + Counter, WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    // A static local function Main returning a task, in top-level statements: Roslyn's simplifier (4.14) throws
    // KeyNotFoundException there, so the fix chooses the spelling of Stm.Atomic itself (see STM0010FixTests).

    private const string TopLevelAsyncMain = """
        using System.Threading.Tasks;
        using Stm;

        await Main(new Counter());

        static async Task Main(Counter counter)
        {
            counter.Value += 1;
            await Task.Yield();
            counter.Value *= 2;
        }
        """;

    [Fact]
    public Task Wrap_in_a_top_level_static_local_async_Task_Main() => FixRunner.VerifyFixAsync(Analyzer, Fix, TopLevelAsyncMain + Counter, """
        using System.Threading.Tasks;
        using Stm;

        await Main(new Counter());

        static async Task Main(Counter counter)
        {
            Atomic.Run(() => counter.Value += 1);
            await Task.Yield();
            counter.Value *= 2;
        }
        """ + Counter, WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task Fix_all_in_a_top_level_static_local_async_Task_Main() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, TopLevelAsyncMain + Counter, """
        using System.Threading.Tasks;
        using Stm;

        await Main(new Counter());

        static async Task Main(Counter counter)
        {
            Atomic.Run(() => counter.Value += 1);
            await Task.Yield();
            Atomic.Run(() => counter.Value *= 2);
        }
        """ + Counter, WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task A_local_named_Atomic_keeps_the_namespace() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static async Task Main()
            {
                var Atomic = new Counter();
                Atomic.Value++;
                await Task.Yield();
            }
        }
        """ + Counter, """
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static async Task Main()
            {
                var Atomic = new Counter();
                Stm.Atomic.Run(() => Atomic.Value++);
                await Task.Yield();
            }
        }
        """ + Counter, WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);
}
