using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0011Tests
{
    private static readonly UnsafeCallChainAnalyzer Analyzer = new();

    [Fact]
    public async Task Follows_methods_local_functions_accessors_and_constructors()
    {
        var diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using System;
            using System.IO;
            using Stm;

            internal sealed class Log
            {
                public Log() => Console.WriteLine("opened");

                public static string Last => File.ReadAllText("log");

                public static void Write(string text) => Helper(text);

                private static void Helper(string text)
                {
                    Local();
                    void Local() => File.AppendAllText("log", text);
                }
            }

            internal static class Program
            {
                public static void Main() => Atomic.Run(() =>
                {
                    [|Log.Write|]("x");
                    _ = [|new Log()|];
                    string last = [|Log.Last|];
                });
            }
            """);
        Assert.Equal(
            [
                "Write() -> Helper() -> Local() -> File.AppendAllText",
                "new Log() -> Console.WriteLine",
                "Last -> File.ReadAllText",
            ],
            diagnostics.Select(d => d.GetMessage().Split(": ")[1]).ToArray());
    }

    [Fact]
    public Task Handles_recursion_and_reports_the_unsafe_branch() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Tree
        {
            public static int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);

            public static void Ping(int n) { if (n > 0) Pong(n - 1); }

            public static void Pong(int n) { if (n > 0) Ping(n - 1); else Console.WriteLine("done"); }

            public static void Main() => Atomic.Run(() =>
            {
                Depth(10);
                [|Ping|](3);
            });
        }
        """);

    [Fact]
    public Task Stops_at_TransactionSafe_and_at_BecomeInevitable_and_ignores_OnCommit_handlers() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Service
        {
            [TransactionSafe]
            public static void Trace() => Console.WriteLine("the author vouches for this");

            public static void Notify() => Atomic.OnCommit(() => Console.WriteLine("after commit"));

            public static void Exactly()
            {
                Atomic.BecomeInevitable();
                Console.WriteLine("once");
            }

            public static int Pure(int x) => x * 2;

            public static void Main() => Atomic.Run(() =>
            {
                Trace();
                Notify();
                Exactly();
                Pure(3);
            });
        }
        """);

    [Fact]
    public async Task BecomeInevitable_stops_the_search_only_for_what_follows_an_unconditional_call()
    {
        var diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using System;
            using System.IO;
            using Stm;

            internal static class Service
            {
                public static void PrintsFirst()
                {
                    Console.WriteLine("before the call: once per attempt");
                    Atomic.BecomeInevitable();
                }

                public static void MaybeInevitable(bool flag)
                {
                    if (flag) Atomic.BecomeInevitable();
                    File.AppendAllText("log", "maybe");
                }

                public static void InLambdaOnly()
                {
                    Action become = () => Atomic.BecomeInevitable();
                    Console.WriteLine("the lambda is never invoked");
                }

                public static void Save() => File.WriteAllText("state", "x");

                public static void AfterTheCall(bool flag)
                {
                    Atomic.BecomeInevitable();
                    if (flag) Save();
                    Console.WriteLine("once");
                }

                public static void Main(bool flag)
                {
                    Atomic.Run(() =>
                    {
                        [|PrintsFirst|]();
                        [|MaybeInevitable|](flag);
                        [|InLambdaOnly|]();
                        AfterTheCall(flag);
                    });
                    Atomic.Run(() => { if (flag) Atomic.BecomeInevitable(); [|Save|](); });
                    Atomic.Run(() => { Atomic.BecomeInevitable(); Save(); });
                }
            }
            """);
        Assert.Equal(
            [
                "PrintsFirst() -> Console.WriteLine",
                "MaybeInevitable() -> File.AppendAllText",
                "InLambdaOnly() -> Console.WriteLine",
                "Save() -> File.WriteAllText",
            ],
            diagnostics.Select(d => d.GetMessage().Split(": ")[1]).ToArray());
    }

    [Fact]
    public Task Ignores_handlers_passed_by_name_but_follows_what_also_runs_in_the_block() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using System.IO;
        using Stm;

        internal static class Service
        {
            public static void Flush() => File.AppendAllText("log", "flushed");

            public static void NotifyByMethodGroup() => Atomic.OnCommit(Flush);

            public static void NotifyByLocalFunction()
            {
                void Log() => Console.WriteLine("after commit");
                Atomic.OnCommit(Log);
            }

            public static void NotifyByLocalDelegate()
            {
                Action log = () => Console.WriteLine("after commit");
                Atomic.OnAbort(log);
            }

            public static void LogNowAndLater()
            {
                Action log = () => Console.WriteLine("now and after commit");
                Atomic.OnCommit(log);
                log();
            }

            public static void Main() => Atomic.Run(() =>
            {
                NotifyByMethodGroup();
                NotifyByLocalFunction();
                NotifyByLocalDelegate();
                [|LogNowAndLater|]();
            });
        }
        """);

    [Fact]
    public async Task TransactionUnsafe_marks_a_method_unsafe_with_its_reason()
    {
        var diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using Stm;

            internal static class Mailer
            {
                [TransactionUnsafe("sends mail")]
                public static void Send() { }

                public static void Main() => Atomic.Run(() => [|Send|]());
            }
            """);
        Assert.EndsWith("Send() [TransactionUnsafe: sends mail]", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task TransactionUnsafe_from_metadata_is_honoured()
    {
        // A library compiled separately: the attribute arrives through metadata, with no source to follow.
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Library",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Lib { public static class Printer { [Stm.TransactionUnsafe] public static void Print() { } public static void Safe() { } } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Stm.Atomic).Assembly.Location),
             MetadataReference.CreateFromFile(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);

        Document document = TestProject.CreateDocument("""
            using Stm;

            internal static class Program
            {
                public static void Main() => Atomic.Run(() => { Lib.Printer.Print(); Lib.Printer.Safe(); });
            }
            """);
        Project project = document.Project.AddMetadataReference(MetadataReference.CreateFromImage(image.ToArray()));
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(project, Analyzer);
        Assert.Equal("'Print()' is called inside an atomic block and reaches an effect that is not rolled back: Print() [TransactionUnsafe]", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Method_group_passed_as_the_atomic_body() => Verify.DiagnosticsAsync(Analyzer, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            private static void Save() => File.WriteAllText("state", "x");

            private static void Compute() { }

            public static void Main()
            {
                Atomic.Run([|Save|]);
                Atomic.Run(Compute);
            }
        }
        """);

    [Fact]
    public Task Calls_outside_atomic_blocks_are_not_reported() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            private static void Save() => File.WriteAllText("state", "x");

            public static void Main()
            {
                Save();
                Atomic.Run(() => Atomic.OnCommit(Save));
            }
        }
        """);
}
