using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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

    // The inserted call is an unconditional statement at the start of the block: everything after it, nested or not, is clean.
    [Fact]
    public async Task BecomeInevitable_inserted_by_the_fix_silences_the_whole_block()
    {
        const string Fixed = """
            using System;
            using System.IO;
            using Stm;

            internal static class Program
            {
                public static void Main(string path, bool flag) => Atomic.Run(() =>
                {
                    Atomic.BecomeInevitable();
                    if (flag)
                    {
                        File.AppendAllText(path, "x");
                    }

                    Console.WriteLine("y");
                });
            }
            """;
        await FixRunner.VerifyFixAsync(Analyzer, Fix, """
            using System;
            using System.IO;
            using Stm;

            internal static class Program
            {
                public static void Main(string path, bool flag) => Atomic.Run(() =>
                {
                    if (flag)
                    {
                        [|File.AppendAllText|](path, "x");
                    }

                    Console.WriteLine("y");
                });
            }
            """, Fixed, DeferEffectCodeFix.BecomeInevitableKey);
        await Verify.NoDiagnosticsAsync(Analyzer, Fixed);
    }

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

    // An expression body that is a throw expression: `return throw e;` does not compile (CS8115), and neither does a
    // statement holding a throw expression; the block gets a throw statement, whatever the delegate returns.

    [Fact]
    public Task BecomeInevitable_turns_a_throw_body_of_a_value_lambda_into_a_throw_statement() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static int Main(string path) => Atomic.Run<int>(() => throw new IOException(File.ReadAllText(path)));
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static int Main(string path) => Atomic.Run<int>(() =>
            {
                Atomic.BecomeInevitable();
                throw new IOException(File.ReadAllText(path));
            });
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    [Fact]
    public Task BecomeInevitable_turns_a_throw_body_of_an_inferred_OrElse_alternative_into_a_throw_statement() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static int Main(string path) => Atomic.OrElse(() => throw new IOException(File.ReadAllText(path)), () => 0);
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static int Main(string path) => Atomic.OrElse(() =>
            {
                Atomic.BecomeInevitable();
                throw new IOException(File.ReadAllText(path));
            }, () => 0);
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    // A void lambda's throw body was already printed as `throw e;`, but as an expression statement holding a throw
    // expression: the text reparses, the tree the fix hands back does not compile.

    [Fact]
    public Task BecomeInevitable_turns_a_throw_body_of_a_void_lambda_into_a_throw_statement() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path) => Atomic.Run(() => throw new IOException(File.ReadAllText(path)));
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                throw new IOException(File.ReadAllText(path));
            });
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    // The neighbouring shapes: a void lambda whose body has a value keeps it as an expression statement (`return` would
    // be CS8030), a value lambda returns it, and a throw expression inside `??`, `?:` or a switch arm is an ordinary
    // operand, so its body is returned.

    [Fact]
    public Task BecomeInevitable_keeps_the_value_of_a_void_lambda_body_as_a_statement() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string[] paths) => Atomic.ForEach(paths, path => File.ReadAllText(path));
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string[] paths) => Atomic.ForEach(paths, path =>
            {
                Atomic.BecomeInevitable();
                File.ReadAllText(path);
            });
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    [Fact]
    public Task Fix_all_BecomeInevitable_on_expression_bodies_of_every_shape() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main() { }

            private static void Void(string path) => Atomic.Run(() => File.Delete(path));

            private static void VoidWithValue(string[] paths) => Atomic.ForEach(paths, path => File.ReadAllText(path));

            private static string Value(string path) => Atomic.Run(() => File.ReadAllText(path));

            private static void VoidThrow(string path) => new TransactionQueue().Add(() => throw new IOException(File.ReadAllText(path)));

            private static int ValueThrow(string path) => Atomic.Run<int>(() => throw new IOException(File.ReadAllText(path)));

            private static string Coalesce(string path) => Atomic.Run(() => File.ReadAllText(path) ?? throw new IOException(path));

            private static string Conditional(string path, bool check) => Atomic.Run(() => check ? File.ReadAllText(path) : throw new IOException(path));

            private static string Switch(string path, int kind) => Atomic.Run(() => kind switch { 0 => File.ReadAllText(path), _ => throw new IOException(path) });
        }
        """, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main() { }

            private static void Void(string path) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                File.Delete(path);
            });

            private static void VoidWithValue(string[] paths) => Atomic.ForEach(paths, path =>
            {
                Atomic.BecomeInevitable();
                File.ReadAllText(path);
            });

            private static string Value(string path) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                return File.ReadAllText(path);
            });

            private static void VoidThrow(string path) => new TransactionQueue().Add(() =>
            {
                Atomic.BecomeInevitable();
                throw new IOException(File.ReadAllText(path));
            });

            private static int ValueThrow(string path) => Atomic.Run<int>(() =>
            {
                Atomic.BecomeInevitable();
                throw new IOException(File.ReadAllText(path));
            });

            private static string Coalesce(string path) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                return File.ReadAllText(path) ?? throw new IOException(path);
            });

            private static string Conditional(string path, bool check) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                return check ? File.ReadAllText(path) : throw new IOException(path);
            });

            private static string Switch(string path, int kind) => Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                return kind switch { 0 => File.ReadAllText(path), _ => throw new IOException(path) };
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

    // A static local function Main returning a task, in top-level statements: Roslyn's simplifier (4.14) throws
    // KeyNotFoundException ("Syntax tree not found") on any name it is asked to reduce in there, so the fixes choose the
    // spelling of Stm.Atomic themselves. The first shape is the one the fuzzing helper found.

    [Fact]
    public Task OnCommit_in_a_top_level_static_local_Task_Main() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        static Task Main()
        {
            Atomic.Run(() => Console.WriteLine());
            return Task.CompletedTask;
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        static Task Main()
        {
            Atomic.Run(() => Atomic.OnCommit(() => Console.WriteLine()));
            return Task.CompletedTask;
        }
        """, DeferEffectCodeFix.OnCommitKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task BecomeInevitable_in_a_top_level_static_local_Task_Main() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        static Task Main()
        {
            Atomic.Run(() => Console.WriteLine());
            return Task.CompletedTask;
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        static Task Main()
        {
            Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                Console.WriteLine();
            });
            return Task.CompletedTask;
        }
        """, DeferEffectCodeFix.BecomeInevitableKey, OutputKind.ConsoleApplication);

    private const string AsyncTaskOfIntMain = """
        using System;
        using System.Threading.Tasks;
        using Stm;

        return await Main(args);

        static async Task<int> Main(string[] args)
        {
            await Task.Yield();
            Atomic.Run(() =>
            {
                Console.WriteLine(args[0]);
                Console.WriteLine(args[1]);
            });
            return 0;
        }
        """;

    [Fact]
    public Task Fix_all_OnCommit_in_a_top_level_static_local_async_Task_Main() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, AsyncTaskOfIntMain, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        return await Main(args);

        static async Task<int> Main(string[] args)
        {
            await Task.Yield();
            Atomic.Run(() =>
            {
                Atomic.OnCommit(() => Console.WriteLine(args[0]));
                Atomic.OnCommit(() => Console.WriteLine(args[1]));
            });
            return 0;
        }
        """, DeferEffectCodeFix.OnCommitKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task Fix_all_BecomeInevitable_in_a_top_level_static_local_async_Task_Main() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, AsyncTaskOfIntMain, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        return await Main(args);

        static async Task<int> Main(string[] args)
        {
            await Task.Yield();
            Atomic.Run(() =>
            {
                Atomic.BecomeInevitable();
                Console.WriteLine(args[0]);
                Console.WriteLine(args[1]);
            });
            return 0;
        }
        """, DeferEffectCodeFix.BecomeInevitableKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task OnCommit_without_using_Stm_in_a_top_level_static_local_Task_Main() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        static System.Threading.Tasks.Task Main()
        {
            System.Action action = () => Stm.Atomic.Run(() => System.Console.WriteLine());
            return System.Threading.Tasks.Task.CompletedTask;
        }
        """, """
        static System.Threading.Tasks.Task Main()
        {
            System.Action action = () => Stm.Atomic.Run(() => Stm.Atomic.OnCommit(() => System.Console.WriteLine()));
            return System.Threading.Tasks.Task.CompletedTask;
        }
        """, DeferEffectCodeFix.OnCommitKey, OutputKind.ConsoleApplication);

    // Neighbouring shapes, which the simplifier handled: the output stays what it was.

    [Fact]
    public Task OnCommit_in_a_top_level_local_Task_Main() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        Task Main()
        {
            Atomic.Run(() => { Console.WriteLine("x"); });
            return Task.CompletedTask;
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        Task Main()
        {
            Atomic.Run(() => { Atomic.OnCommit(() => Console.WriteLine("x")); });
            return Task.CompletedTask;
        }
        """, DeferEffectCodeFix.OnCommitKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task BecomeInevitable_in_a_static_local_Task_Main_of_a_method() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main() { }

            private static void M()
            {
                static Task Main() { Atomic.Run(() => { Console.WriteLine(); }); return Task.CompletedTask; }
            }
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main() { }

            private static void M()
            {
                static Task Main() { Atomic.Run(() => { Atomic.BecomeInevitable(); Console.WriteLine(); }); return Task.CompletedTask; }
            }
        }
        """, DeferEffectCodeFix.BecomeInevitableKey, OutputKind.ConsoleApplication);

    // Where the short name would bind to something else, the fix qualifies it as much as it must.

    [Fact]
    public Task Without_using_Stm_the_name_is_qualified() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        internal static class Program
        {
            public static void Main() => Stm.Atomic.Run(() => System.Console.WriteLine());
        }
        """, """
        internal static class Program
        {
            public static void Main() => Stm.Atomic.Run(() => Stm.Atomic.OnCommit(() => System.Console.WriteLine()));
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task A_nested_type_named_Atomic_keeps_the_namespace() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Stm.Atomic.Run(() => Console.WriteLine());

            private static class Atomic
            {
            }
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Stm.Atomic.Run(() => Stm.Atomic.OnCommit(() => Console.WriteLine()));

            private static class Atomic
            {
            }
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task A_nested_type_named_Atomic_in_namespace_Stm_keeps_the_namespace() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;

        namespace Stm
        {
            internal static class Program
            {
                public static void Main() => Stm.Atomic.Run(() => Console.WriteLine());

                private static class Atomic
                {
                }
            }
        }
        """, """
        using System;

        namespace Stm
        {
            internal static class Program
            {
                public static void Main() => Stm.Atomic.Run(() => Stm.Atomic.OnCommit(() => Console.WriteLine()));

                private static class Atomic
                {
                }
            }
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task A_member_named_Stm_needs_global() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;

        internal static class Program
        {
            private static int Stm => 0;

            public static void Main() => global::Stm.Atomic.Run(() => Console.WriteLine());
        }
        """, """
        using System;

        internal static class Program
        {
            private static int Stm => 0;

            public static void Main() => global::Stm.Atomic.Run(() => global::Stm.Atomic.OnCommit(() => Console.WriteLine()));
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task A_lambda_parameter_named_Atomic_keeps_the_namespace() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.ForEach(new[] { 1 }, Atomic => Console.WriteLine(Atomic));
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.ForEach(new[] { 1 }, Atomic => Stm.Atomic.OnCommit(() => Console.WriteLine(Atomic)));
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task A_local_named_Atomic_later_in_the_block_keeps_the_namespace() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Stm.Atomic.Run(() =>
            {
                Console.WriteLine();
                int Atomic = 1;
                Console.WriteLine(Atomic);
            });
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Stm.Atomic.Run(() =>
            {
                Stm.Atomic.BecomeInevitable();
                Console.WriteLine();
                int Atomic = 1;
                Console.WriteLine(Atomic);
            });
        }
        """, DeferEffectCodeFix.BecomeInevitableKey);

    // Effects OnCommit must not defer: in the handler they would not compile (the compiler error in the test name), or
    // would mean something else. Each source compiles as it is; the diagnostic stays, BecomeInevitable is still offered.

    private static string Block(string statements) => """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Stm;

        internal static unsafe class Program
        {
            public static void Main() => Atomic.Run(() =>
            {
        """ + "\n        " + statements + """

            });
        }
        """;

    private static async Task VerifyOnlyBecomeInevitableAsync(string source)
    {
        await FixRunner.VerifyNoFixAsync(Analyzer, Fix, source, DeferEffectCodeFix.OnCommitKey);
        Assert.Equal([DeferEffectCodeFix.BecomeInevitableKey], await FixRunner.GetOfferedFixesAsync(Analyzer, Fix, source));
    }

    [Fact]
    public Task No_OnCommit_fix_with_a_stackalloc_span_local_CS8175() => VerifyOnlyBecomeInevitableAsync(Block(
        "Span<char> buffer = stackalloc char[1]; [|Console.Out.Write(buffer)|];"));

    [Fact]
    public Task No_OnCommit_fix_with_a_read_only_span_local_CS8175() => VerifyOnlyBecomeInevitableAsync(Block(
        "ReadOnlySpan<char> text = \"ab\"; [|Console.Out.Write(text)|];"));

    [Fact]
    public Task No_OnCommit_fix_with_a_ref_local_CS8175() => VerifyOnlyBecomeInevitableAsync(Block(
        "int[] values = { 1 }; ref int first = ref values[0]; [|Console.WriteLine(first)|];"));

    [Fact]
    public Task No_OnCommit_fix_with_a_fixed_local_CS1764() => VerifyOnlyBecomeInevitableAsync(Block(
        "int[] values = { 1 }; fixed (int* p = values) { [|Console.WriteLine(*p)|]; }"));

    [Fact]
    public Task No_OnCommit_fix_when_an_out_var_is_used_after_CS0103() => VerifyOnlyBecomeInevitableAsync(Block(
        "[|Console.WriteLine(int.TryParse(\"1\", out int n))|]; Atomic.OnCommit(() => Console.WriteLine(n));"));

    [Fact]
    public Task No_OnCommit_fix_when_it_assigns_a_local_read_after_CS0165() => VerifyOnlyBecomeInevitableAsync(Block(
        "int n; [|Console.WriteLine(n = 2)|]; Atomic.OnCommit(() => Console.WriteLine(n));"));

    // Compiles, but the increment would happen only after the commit, after the code below has read the local.
    [Fact]
    public Task No_OnCommit_fix_when_it_writes_a_local() => VerifyOnlyBecomeInevitableAsync(Block(
        "int n = 0; [|Console.WriteLine(n++)|]; Atomic.OnCommit(() => Console.WriteLine(n));"));

    // Compiles, but the write would leave the transaction: the handler runs after the commit, outside it, so the
    // increment of the transactional property (or the field, or the array element) would be made unprotected, once.
    [Fact]
    public Task No_OnCommit_fix_when_it_writes_state() => Task.WhenAll(
        VerifyOnlyBecomeInevitableAsync(Block("var counter = new Counter(); [|Console.WriteLine(counter.Value++)|];") + Counter),
        VerifyOnlyBecomeInevitableAsync(Block("var counter = new Counter(); [|Console.WriteLine(counter.Value = 3)|];") + Counter),
        VerifyOnlyBecomeInevitableAsync(Block("int[] values = { 1 }; [|Console.WriteLine(values[0] += 2)|];")),
        VerifyOnlyBecomeInevitableAsync(Block("var holder = new Holder(); [|Console.WriteLine(holder.Text ??= \"x\")|];") + Holder));

    // Members of an object the expression creates are not state the transaction had: the fix stays.
    [Fact]
    public async Task OnCommit_fix_with_an_object_initializer()
    {
        string source = Block("[|Console.WriteLine(new Holder { Text = \"x\" })|];") + Holder;
        Assert.Equal([DeferEffectCodeFix.BecomeInevitableKey, DeferEffectCodeFix.OnCommitKey], await FixRunner.GetOfferedFixesAsync(Analyzer, Fix, source));
    }

    private const string Counter = """

        [Transactional]
        internal partial class Counter
        {
            public partial int Value { get; set; }
        }
        """;

    private const string Holder = """

        internal sealed class Holder
        {
            public string? Text;
        }
        """;

    // Compiles, but the handler runs after the block returned: its stackalloc is gone.
    [Fact]
    public Task No_OnCommit_fix_with_a_pointer_into_the_block_frame() => VerifyOnlyBecomeInevitableAsync(Block(
        "int* p = stackalloc int[1]; [|Console.WriteLine(*p)|];"));

    // Compiles, but the handler runs after the block disposed the writer.
    [Fact]
    public Task No_OnCommit_fix_with_a_using_resource() => VerifyOnlyBecomeInevitableAsync(Block(
        "using var writer = new StringWriter(); [|Console.Out.Write(writer)|];"));

    [Fact]
    public Task No_OnCommit_fix_with_await_CS4034() => FixRunner.VerifyNoFixAsync(Analyzer, Fix, """
        using System;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.Run(async () =>
            {
                [|Console.WriteLine(await Task.FromResult(1))|];
            });
        }
        """, DeferEffectCodeFix.OnCommitKey);

    // Nearby shapes that do move into the handler: the fix stays.

    [Fact]
    public Task OnCommit_with_an_out_var_used_only_inside() => FixRunner.VerifyFixAsync(Analyzer, Fix, Block(
        "Console.WriteLine(int.TryParse(\"1\", out int n) ? n : 0);"), Block(
        "Atomic.OnCommit(() => Console.WriteLine(int.TryParse(\"1\", out int n) ? n : 0));"), DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task OnCommit_with_a_local_of_the_block_and_a_parameter_of_ForEach() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.ForEach(new[] { 1, 2 }, i =>
            {
                int twice = i * 2;
                Console.WriteLine(twice + i);
            });
        }
        """, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.ForEach(new[] { 1, 2 }, i =>
            {
                int twice = i * 2;
                Atomic.OnCommit(() => Console.WriteLine(twice + i));
            });
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task Fix_all_OnCommit_skips_what_cannot_move_into_a_handler() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, Block(
        "ReadOnlySpan<char> text = \"ab\"; Console.Out.Write(text); Console.WriteLine(\"done\"); int n = 0; Console.WriteLine(n++);"), Block(
        "ReadOnlySpan<char> text = \"ab\"; Console.Out.Write(text); Atomic.OnCommit(() => Console.WriteLine(\"done\")); int n = 0; Console.WriteLine(n++);"),
        DeferEffectCodeFix.OnCommitKey);

    // A local function or local delegate is a handler too when the block only hands it to OnCommit/OnAbort: nothing is
    // reported there (STM0010Tests). When the block also calls it, or stores it, or never does, OnCommit written inside
    // would run where the function runs: in a handler, outside any transaction, where OnCommit throws.

    [Fact]
    public Task No_OnCommit_fix_in_a_local_delegate_also_handed_to_OnCommit() => VerifyOnlyBecomeInevitableAsync(Block(
        "Action log = () => [|Console.WriteLine(\"x\")|]; Atomic.OnCommit(log); log();"));

    [Fact]
    public Task No_OnCommit_fix_in_a_local_function_also_handed_to_OnAbort() => VerifyOnlyBecomeInevitableAsync(Block(
        "void Log() { [|Console.WriteLine(\"x\")|]; } Log(); Atomic.OnAbort(Log);"));

    [Fact]
    public Task No_OnCommit_fix_in_a_local_delegate_the_block_never_calls() => VerifyOnlyBecomeInevitableAsync(Block(
        "Action log = () => [|Console.WriteLine(\"x\")|]; GC.KeepAlive(log);"));

    [Fact]
    public Task No_OnCommit_fix_in_a_lambda_the_block_returns() => FixRunner.VerifyNoFixAsync(Analyzer, Fix, """
        using System;
        using Stm;

        internal static class Program
        {
            public static Action Main() => Atomic.Run<Action>(() => () => [|Console.WriteLine("later")|]);
        }
        """, DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task OnCommit_in_a_local_function_the_block_calls() => FixRunner.VerifyFixAsync(Analyzer, Fix, Block(
        "void Log() { Console.WriteLine(\"x\"); } Log(); Log();"), Block(
        "void Log() { Atomic.OnCommit(() => Console.WriteLine(\"x\")); } Log(); Log();"), DeferEffectCodeFix.OnCommitKey);

    [Fact]
    public Task OnCommit_in_a_local_delegate_the_block_invokes() => FixRunner.VerifyFixAsync(Analyzer, Fix, Block(
        "Action log = () => Console.WriteLine(\"x\"); log.Invoke();"), Block(
        "Action log = () => Atomic.OnCommit(() => Console.WriteLine(\"x\")); log.Invoke();"), DeferEffectCodeFix.OnCommitKey);
}
