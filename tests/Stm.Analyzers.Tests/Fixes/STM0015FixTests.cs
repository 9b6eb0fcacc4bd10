using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    // C# 14's null-conditional assignment: the diagnostic marks the part after '?', which cannot stand alone in a lambda
    // (the fix wrote 'counter?Atomic.Run(() => .Value += 2)': CS1525); the whole conditional access moves.
    [Fact]
    public Task Null_conditional_assignment_is_wrapped_whole() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        internal static class Program
        {
            public static void Main() => Bump(new Counter(), null);

            private static void Bump(Counter? counter, Holder? holder)
            {
                counter?.Value += 2;
                holder?.Inner?.Value -= 1;
            }
        }

        internal sealed class Holder
        {
            public Counter? Inner { get; set; }
        }
        """ + Counter, """
        using Stm;

        internal static class Program
        {
            public static void Main() => Bump(new Counter(), null);

            private static void Bump(Counter? counter, Holder? holder)
            {
                Atomic.Run(() => counter?.Value += 2);
                Atomic.Run(() => holder?.Inner?.Value -= 1);
            }
        }

        internal sealed class Holder
        {
            public Counter? Inner { get; set; }
        }
        """ + Counter, WrapInAtomicRunCodeFix.EquivalenceKey, languageVersion: LanguageVersion.Preview);

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

    // Code the fix must not wrap: in a lambda it would not compile (the compiler error in the test name), or it would
    // mean something else. Each source compiles as it is (VerifyNoFixAsync checks), and Main calls the method so that
    // STM0015 is reported. The diagnostic stays; only the fix is withheld.

    private static string Program(string call, string members) => """
        using System;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main()
            {
        """ + call + """

            }

        """ + members + """

        }
        """ + Counter;

    private static Task VerifyNoWrapAsync(string source) =>
        FixRunner.VerifyNoFixAsync(Analyzer, Fix, source, WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task No_fix_with_a_ref_parameter_CS1628() => VerifyNoWrapAsync(Program(
        "int n = 1; Bump(new Counter(), ref n);",
        "private static void Bump(Counter c, ref int n) { c.Value += n; }"));

    [Fact]
    public Task No_fix_with_an_in_parameter_CS1628() => VerifyNoWrapAsync(Program(
        "int n = 1; Bump(new Counter(), in n);",
        "private static void Bump(Counter c, in int n) { c.Value += n; }"));

    [Fact]
    public Task No_fix_with_an_out_parameter_CS1628() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), out int n);",
        "private static void Bump(Counter c, out int n) { n = 1; c.Value += n; }"));

    [Fact]
    public Task No_fix_with_a_ref_readonly_parameter_CS1628() => VerifyNoWrapAsync(Program(
        "int n = 1; Bump(new Counter(), in n);",
        "private static void Bump(Counter c, ref readonly int n) { c.Value += n; }"));

    [Fact]
    public Task No_fix_with_a_span_parameter_CS9108() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), new[] { 1 });",
        "private static void Bump(Counter c, ReadOnlySpan<int> values) { c.Value += values.Length; }"));

    [Fact]
    public Task No_fix_with_a_parameter_of_a_type_that_allows_ref_struct_CS9108() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), 1);",
        """
        private static void Bump<T>(Counter c, T value) where T : allows ref struct { c.Value += Size(value); }
        private static int Size<T>(T value) where T : allows ref struct => 1;
        """));

    [Fact]
    public Task No_fix_with_a_stackalloc_span_local_CS8175() => VerifyNoWrapAsync(Program(
        "Bump(new Counter());",
        "private static void Bump(Counter c) { Span<int> buffer = stackalloc int[1]; c.Value += buffer[0]; }"));

    [Fact]
    public Task No_fix_with_a_ref_local_CS8175() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), new[] { 1 });",
        "private static void Bump(Counter c, int[] values) { ref int first = ref values[0]; c.Value += first; }"));

    [Fact]
    public Task No_fix_with_a_fixed_local_CS1764() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), new[] { 1 });",
        "private static unsafe void Bump(Counter c, int[] values) { fixed (int* p = values) { c.Value += *p; } }"));

    [Fact]
    public Task No_fix_when_an_out_var_is_used_after_CS0103() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), \"1\");",
        "private static void Bump(Counter c, string text) { c.Value += int.TryParse(text, out int n) ? n : 0; Console.WriteLine(n); }"));

    [Fact]
    public Task No_fix_when_it_assigns_a_local_read_after_CS0165() => VerifyNoWrapAsync(Program(
        "Bump(new Counter());",
        "private static void Bump(Counter c) { int n; c.Value += n = 2; Console.WriteLine(n); }"));

    // Compiles, but Atomic.Run re-runs its lambda on every conflict: the local would count attempts, not increments.
    [Fact]
    public Task No_fix_when_it_writes_a_local_of_the_method() => VerifyNoWrapAsync(Program(
        "Bump(new Counter(), 1);",
        "private static void Bump(Counter c, int step) { c.Value += step++; Console.WriteLine(step); }"));

    [Fact]
    public Task No_fix_with_await_CS4034() => VerifyNoWrapAsync(Program(
        "Bump(new Counter()).Wait();",
        "private static async Task Bump(Counter c) { c.Value += await Task.FromResult(1); }"));

    private const string StructCaller = "new Holder(new Counter()).Bump();";

    [Fact]
    public Task No_fix_on_an_implicit_this_of_a_struct_CS1673() => VerifyNoWrapAsync(Program(StructCaller, """
        private struct Holder(Counter counter)
        {
            private readonly Counter _counter = counter;
            public void Bump() { _counter.Value++; }
        }
        """));

    [Fact]
    public Task No_fix_on_an_explicit_this_of_a_struct_CS1673() => VerifyNoWrapAsync(Program(StructCaller, """
        private struct Holder(Counter counter)
        {
            private readonly Counter _counter = counter;
            public void Bump() { this._counter.Value++; }
        }
        """));

    [Fact]
    public Task No_fix_on_a_primary_constructor_parameter_of_a_struct_CS9111() => VerifyNoWrapAsync(Program(StructCaller, """
        private struct Holder(Counter counter)
        {
            public void Bump() { counter.Value++; }
        }
        """));

    [Fact]
    public Task No_fix_in_a_ref_struct_member_CS1673() => VerifyNoWrapAsync(Program("new Holder { Counter = new Counter() }.Bump();", """
        private ref struct Holder
        {
            public Counter Counter;
            public void Bump() { Counter.Value++; }
        }
        """));

    // Nearby shapes that do move into a lambda: the fix stays.

    [Fact]
    public Task Fix_with_a_by_value_parameter_and_a_local_read_after() => FixRunner.VerifyFixAsync(Analyzer, Fix, Program(
        "Bump(new Counter(), 1);",
        "private static void Bump(Counter c, int step) { int twice = step * 2; c.Value += twice; Console.WriteLine(twice); }"), Program(
        "Bump(new Counter(), 1);",
        "private static void Bump(Counter c, int step) { int twice = step * 2; Atomic.Run(() => c.Value += twice); Console.WriteLine(twice); }"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task Fix_with_an_out_var_used_only_inside() => FixRunner.VerifyFixAsync(Analyzer, Fix, Program(
        "Bump(new Counter(), \"1\");",
        "private static void Bump(Counter c, string text) { c.Value += int.TryParse(text, out int n) ? n : 0; }"), Program(
        "Bump(new Counter(), \"1\");",
        "private static void Bump(Counter c, string text) { Atomic.Run(() => c.Value += int.TryParse(text, out int n) ? n : 0); }"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    // `in` passes a reference to the variable; the lambda passes a reference to its captured copy, the same value.
    [Fact]
    public Task Fix_with_a_local_passed_as_an_in_argument() => FixRunner.VerifyFixAsync(Analyzer, Fix, Program(
        "Bump(new Counter(), 1);",
        "private static void Bump(Counter c, int step) { c.Value += Read(in step); }\nprivate static int Read(in int value) => value;"), Program(
        "Bump(new Counter(), 1);",
        "private static void Bump(Counter c, int step) { Atomic.Run(() => c.Value += Read(in step)); }\nprivate static int Read(in int value) => value;"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    // Run calls its lambda before it returns, so a pointer to this frame's stackalloc is still valid inside.
    [Fact]
    public Task Fix_with_a_pointer_local() => FixRunner.VerifyFixAsync(Analyzer, Fix, Program(
        "Bump(new Counter());",
        "private static unsafe void Bump(Counter c) { int* p = stackalloc int[1]; c.Value += *p; }"), Program(
        "Bump(new Counter());",
        "private static unsafe void Bump(Counter c) { int* p = stackalloc int[1]; Atomic.Run(() => c.Value += *p); }"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task Fix_in_a_static_method_of_a_struct() => FixRunner.VerifyFixAsync(Analyzer, Fix, Program(
        "Holder.Bump(new Counter());",
        "private struct Holder { public static void Bump(Counter c) { c.Value++; } }"), Program(
        "Holder.Bump(new Counter());",
        "private struct Holder { public static void Bump(Counter c) { Atomic.Run(() => c.Value++); } }"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    // A deconstruction-assignment is an expression like any other: Run returns its tuple, unused here.
    [Fact]
    public Task Fix_wraps_a_deconstruction_assignment() => FixRunner.VerifyFixAsync(Analyzer, Fix, Program(
        "Bump(new Counter(), new Counter());",
        "private static void Bump(Counter c, Counter d) { (c.Value, d.Value) = (c.Value + 1, 0); }"), Program(
        "Bump(new Counter(), new Counter());",
        "private static void Bump(Counter c, Counter d) { Atomic.Run(() => (c.Value, d.Value) = (c.Value + 1, 0)); }"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public Task No_fix_when_a_deconstruction_also_writes_a_local_of_the_method() => VerifyNoWrapAsync(Program(
        "Bump(new Counter());",
        "private static void Bump(Counter c) { long old; (c.Value, old) = (c.Value + 1, c.Value); Console.WriteLine(old); }"));

    [Fact]
    public Task Fix_all_skips_what_cannot_move_into_a_lambda() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, Program(
        "int n = 1; Bump(new Counter(), ref n, 2);",
        "private static void Bump(Counter c, ref int n, int m) { c.Value += n; c.Value += m; Span<int> s = stackalloc int[1]; c.Value += s[0]; c.Value++; }"), Program(
        "int n = 1; Bump(new Counter(), ref n, 2);",
        "private static void Bump(Counter c, ref int n, int m) { c.Value += n; Atomic.Run(() => c.Value += m); Span<int> s = stackalloc int[1]; c.Value += s[0]; Atomic.Run(() => c.Value++); }"),
        WrapInAtomicRunCodeFix.EquivalenceKey, OutputKind.ConsoleApplication);

    [Fact]
    public async Task Property_of_a_transactional_class_from_another_assembly_is_wrapped()
    {
        MetadataReference domain = TestLibrary.Compile("Domain", """
            namespace Domain;

            [Stm.Transactional]
            public partial class Account
            {
                public partial long Balance { get; set; }
            }
            """);
        Markup markup = Markup.Parse("""
            using Domain;
            using Stm;

            var a = new Account();
            a.Balance += 1;
            """);
        Document document = TestProject.CreateDocument(markup.Source, outputKind: OutputKind.ConsoleApplication);
        document = document.Project.AddMetadataReference(domain).GetDocument(document.Id)!;
        await FixRunner.VerifyFixAsync(Analyzer, Fix, document, markup, """
            using Domain;
            using Stm;

            var a = new Account();
            Atomic.Run(() => a.Balance += 1);
            """, WrapInAtomicRunCodeFix.EquivalenceKey);
    }
}
