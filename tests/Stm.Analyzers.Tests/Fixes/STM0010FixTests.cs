using System.Threading.Tasks;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

public sealed class STM0010FixTests
{
    private static readonly IrreversibleEffectInAtomicBlockAnalyzer Analyzer = new();
    private static readonly DeferEffectCodeFix Fix = new();

    [Fact]
    public Task Statement_moves_into_OnCommit() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main(int total) => Atomic.Run(() =>
            {
                // report the result
                Console.WriteLine($"total {total}"); // once
            });
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main(int total) => Atomic.Run(() =>
            {
                // report the result
                Atomic.OnCommit(() => Console.WriteLine($"total {total}")); // once
            });
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task Expression_bodied_block_defers_its_body() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.Run(() => Console.WriteLine("done"));
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.Run(() => Atomic.OnCommit(() => Console.WriteLine("done")));
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task No_OnCommit_fix_when_the_value_is_used() => FixRunner.VerifyNoFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path) => Atomic.Run(() =>
            {
                string text = File.ReadAllText(path);
            });
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task BecomeInevitable_is_inserted_at_the_start_of_the_block() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path) => Atomic.Run(() =>
            {
                string text = File.ReadAllText(path);
                File.WriteAllText(path, text + "!");
            });
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                string text = File.ReadAllText(path);
                File.WriteAllText(path, text + "!");
            });
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    [Fact]
    public Task BecomeInevitable_turns_an_expression_body_into_a_block() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static string Main(string path) => Atomic.Run(() => File.ReadAllText(path));
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static string Main(string path) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                return File.ReadAllText(path);
            });
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    [Fact]
    public Task Fix_all_OnCommit() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using System;
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path)
            {
                Atomic.Run(() =>
                {
                    Console.WriteLine("a");
                    File.AppendAllText(path, "b");
                });
                Atomic.Run(() => Console.WriteLine("c"));
            }
        }
        """, """
        using System;
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path)
            {
                Atomic.Run(() =>
                {
                    Atomic.OnCommit(() => Console.WriteLine("a"));
                    Atomic.OnCommit(() => File.AppendAllText(path, "b"));
                });
                Atomic.Run(() => Atomic.OnCommit(() => Console.WriteLine("c")));
            }
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task Fix_all_BecomeInevitable_once_per_block() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main()
            {
                Atomic.Run(() =>
                {
                    Console.WriteLine("a");
                    Console.WriteLine("b");
                });
                Atomic.Run(() =>
                {
                    Console.WriteLine("c");
                });
            }
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main()
            {
                Atomic.Run(() =>
                {
                    Atomic.BecomeInevitable();
                    Console.WriteLine("a");
                    Console.WriteLine("b");
                });
                Atomic.Run(() =>
                {
                    Atomic.BecomeInevitable();
                    Console.WriteLine("c");
                });
            }
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);
}
