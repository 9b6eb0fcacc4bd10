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
}
