using System.Threading.Tasks;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0010Tests
{
    private static readonly IrreversibleEffectInAtomicBlockAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_io_console_network_process_and_sleep_inside_atomic_blocks() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using System.IO;
        using System.Threading;
        using Stm;

        internal static class Program
        {
            public static void Main(string path)
            {
                Atomic.Run(() =>
                {
                    [|File.AppendAllText|](path, "x");
                    [|Console.WriteLine|]("y");
                    [|Thread.Sleep|](1);
                    using var stream = [|new FileStream(path, FileMode.Open)|];
                    [|System.Diagnostics.Process.Start|]("ls");
                    var client = [|new System.Net.Http.HttpClient()|];
                });
                int n = Atomic.Run(() => [|Console.Read|]());
                Atomic.OrElse(() => [|Console.Beep|](), () => { });
            }
        }
        """);

    [Fact]
    public Task Reports_starting_tasks_threads_and_timers_inside_atomic_blocks_but_not_in_handlers() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Stm;

        internal static class Program
        {
            public static void Main(Action work, Task<int> pending)
            {
                Atomic.Run(() =>
                {
                    [|Task.Run|](work);
                    [|Task.Factory.StartNew|](work);
                    [|new Task<int>(() => 1).Start|]();
                    [|ThreadPool.QueueUserWorkItem|](_ => work());
                    var thread = new Thread(() => work());
                    [|thread.Start|]();
                    using var timer = [|new Timer(_ => work(), null, 0, 10)|];
                    Atomic.OnCommit(() => Task.Run(work)); // a handler runs once, after the commit: fine
                    var queue = new TransactionQueue();
                    queue.Add(() => { }); // queued at commit, dropped on rollback: fine
                    var task = new Task(work); // created, not started: fine
                    _ = pending.IsCompleted;
                });
                Task.Run(work); // outside any block: fine
            }
        }
        """);

    [Fact]
    public Task ForEach_bodies_and_TransactionQueue_tasks_are_atomic_blocks() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main(int[] items)
            {
                Atomic.ForEach(items, item => [|Console.WriteLine|](item));
                var queue = new TransactionQueue();
                queue.Add(() => [|Console.WriteLine|]("task"));
                queue.Run();
                Console.WriteLine("after");
            }
        }
        """);

    [Fact]
    public Task Lambdas_passed_to_wrappers_of_Atomic_Run_are_atomic_blocks() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Tx
        {
            public static void InTransaction(Action body) => Atomic.Run(body);

            public static T Compute<T>(string name, Func<T> body) => Atomic.Run(body);

            public static void Twice(Action body) => InTransaction(body);

            public static void Recursive(Action body, int n) { if (n > 0) Recursive(body, n - 1); }

            public static void NotAWrapper(Action body) => body();
        }

        internal static class Program
        {
            public static void Main()
            {
                Tx.InTransaction(() => [|Console.WriteLine|]("a"));
                int n = Tx.Compute("n", () => [|Console.Read|]());
                Tx.Twice(() => [|Console.WriteLine|]("b"));
                Tx.Recursive(() => Console.WriteLine("c"), 3);
                Tx.NotAWrapper(() => Console.WriteLine("d"));
            }
        }
        """);

    [Fact]
    public Task Reports_in_lambdas_run_inline_inside_the_block() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using System.Collections.Generic;
        using Stm;

        internal static class Program
        {
            public static void Main(List<string> lines) => Atomic.Run(() => lines.ForEach(line => [|Console.WriteLine|](line)));
        }
        """);

    [Fact]
    public Task One_report_for_a_chain_of_listed_members() => Verify.DiagnosticsAsync(Analyzer, """
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path) => Atomic.Run(() => [|File.OpenWrite|](path).WriteByte(1));
        }
        """);

    [Fact]
    public Task Ignores_effects_outside_blocks_in_OnCommit_and_after_BecomeInevitable() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using System.IO;
        using System.Text;
        using Stm;

        internal static class Program
        {
            public static void Main(string path)
            {
                Console.WriteLine("outside");
                Atomic.Run(() =>
                {
                    Atomic.OnCommit(() => Console.WriteLine("after commit"));
                    Atomic.OnAbort(() => File.AppendAllText(path, "aborted"));
                    var builder = new StringBuilder().Append("in memory");
                    using var memory = new MemoryStream();
                    memory.WriteByte(1);
                    string name = Path.GetFileName(path);
                });
                Atomic.Run(() =>
                {
                    Atomic.BecomeInevitable();
                    File.AppendAllText(path, "exactly once");
                });
            }
        }
        """);

    [Fact]
    public Task Ignores_local_functions_and_local_delegates_used_only_as_OnCommit_or_OnAbort_handlers() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using System.IO;
        using Stm;

        [Transactional]
        internal partial class Counter
        {
            public partial int Balance { get; set; }
        }

        internal static class Program
        {
            public static void Main(Counter c, string path)
            {
                Atomic.Run(() =>
                {
                    c.Balance++;
                    void Log() => Console.WriteLine("done");
                    Atomic.OnCommit(Log);
                    Action log = () => Console.WriteLine("x");
                    Atomic.OnCommit(log);
                    Func<int> later = () => Console.Read();
                    Atomic.OnCommit(() => later());
                    Action undo = delegate { File.AppendAllText(path, "aborted"); };
                    Atomic.OnAbort(undo);
                    var twice = () => Console.WriteLine("twice");
                    Atomic.OnCommit(twice);
                    Atomic.OnAbort(twice.Invoke);
                    void Report(int n) { Console.WriteLine(n); if (n > 0) Report(n - 1); } // recursion runs where the first call does
                    void Flush() { File.AppendAllText(path, "flushed"); Report(3); }  // Report: only from a handler-only function
                    Atomic.OnCommit(Flush);
                    Atomic.OnCommit(() => Report(1));
                });
            }
        }
        """);

    [Fact]
    public Task Reports_local_functions_and_local_delegates_also_run_in_the_block() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Program
        {
            public static Action Main(Action other)
            {
                Action returned = null!;
                Atomic.Run(() =>
                {
                    void Log() => [|Console.WriteLine|]("called here too");
                    Atomic.OnCommit(Log);
                    Log();

                    Action log = () => [|Console.WriteLine|]("invoked here too");
                    Atomic.OnCommit(log);
                    log.Invoke();

                    Action reassigned = () => [|Console.WriteLine|]("may be replaced");
                    Atomic.OnCommit(reassigned);
                    reassigned = other;
                    reassigned();

                    Action aliased = () => [|Console.WriteLine|]("runs through an alias");
                    Atomic.OnCommit(aliased);
                    Action alias = aliased;
                    alias();

                    Action stored = () => [|Console.WriteLine|]("stored");
                    Atomic.OnCommit(stored);
                    returned = stored;

                    void Inner() => [|Console.WriteLine|]("called by a function the block calls");
                    void Outer() => Inner();
                    Atomic.OnCommit(Inner);
                    Outer();

                    void Unused() => [|Console.WriteLine|]("never called");
                });
                return returned;
            }
        }
        """);

    [Fact]
    public Task Reports_effects_before_BecomeInevitable() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.Run(() =>
            {
                [|Console.WriteLine|]("before");
                Atomic.BecomeInevitable();
                Console.WriteLine("after");
            });
        }
        """);

    [Fact]
    public Task Reports_effects_after_a_BecomeInevitable_that_may_not_run() => Verify.DiagnosticsAsync(Analyzer, """
        using System;
        using System.Collections.Generic;
        using Stm;

        internal static class Program
        {
            public static void Main(bool flag, int n, List<int> items)
            {
                Atomic.Run(() => { if (flag) Atomic.BecomeInevitable(); [|Console.WriteLine|]("maybe"); });
                Atomic.Run(() => { if (flag) { } else { Atomic.BecomeInevitable(); } [|Console.WriteLine|]("else"); });
                Atomic.Run(() => { Action f = () => Atomic.BecomeInevitable(); [|Console.WriteLine|]("never invoked"); });
                Atomic.Run(() => { void Later() => Atomic.BecomeInevitable(); [|Console.WriteLine|]("local function"); });
                Atomic.Run(() => { try { Atomic.BecomeInevitable(); } catch { } [|Console.WriteLine|]("may have thrown"); });
                Atomic.Run(() => { try { Atomic.BecomeInevitable(); } finally { } [|Console.WriteLine|]("conservative"); });
                Atomic.Run(() => { for (int i = 0; i < n; i++) Atomic.BecomeInevitable(); [|Console.WriteLine|]("loop"); });
                Atomic.Run(() => { foreach (int i in items) { Atomic.BecomeInevitable(); } [|Console.WriteLine|]("foreach"); });
                Atomic.Run(() => { switch (n) { case 1: Atomic.BecomeInevitable(); break; } [|Console.WriteLine|]("switch"); });
                Atomic.Run(() => { items.ForEach(_ => Atomic.BecomeInevitable()); [|Console.WriteLine|]("per item"); });
                Atomic.Run(() => { Atomic.OnCommit(() => Atomic.BecomeInevitable()); [|Console.WriteLine|]("handler"); });
                Atomic.Run(() =>
                {
                    if (flag) goto Skip;
                    Atomic.BecomeInevitable();
                Skip:
                    [|Console.WriteLine|]("jumped over");
                });
                Atomic.Run(() =>
                {
                    Log(); // runs before the call, though declared after it
                    Atomic.BecomeInevitable();
                    Log();
                    void Log() => [|Console.WriteLine|]("called first");
                });
            }
        }
        """);

    [Fact]
    public Task Ignores_effects_after_an_unconditional_BecomeInevitable() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using Stm;

        internal static class Program
        {
            public static void Main(string path, bool flag, List<int> items)
            {
                Atomic.Run(() =>
                {
                    Atomic.BecomeInevitable();
                    if (flag)
                    {
                        File.AppendAllText(path, "nested in an if");
                    }

                    foreach (int item in items)
                    {
                        Console.WriteLine(item);
                    }

                    items.ForEach(item => Console.WriteLine(item));
                    Action log = () => Console.WriteLine("created after the call");
                    log();
                    Log();
                    void Log() => Console.WriteLine("only called after the call");
                });
                Atomic.Run(() =>
                {
                    {
                        { Atomic.BecomeInevitable(); }
                    }

                    Console.WriteLine("after a nested plain block");
                });
                Atomic.Run(() =>
                {
                    using (var memory = new MemoryStream())
                    {
                        Atomic.BecomeInevitable();
                    }

                    Console.WriteLine("after a using body");
                });
                Atomic.Run(() =>
                {
                Again:
                    Atomic.BecomeInevitable();
                    Console.WriteLine("a label before the call");
                    if (flag) goto Again;
                });
                Atomic.Run(() =>
                {
                    if (!flag)
                    {
                        return;
                    }

                    Atomic.BecomeInevitable();
                    Console.WriteLine("after an early return");
                });
            }
        }
        """);

    [Fact]
    public Task Users_extend_and_override_the_list_with_additional_files() => Verify.DiagnosticsAsync(
        Analyzer,
        """
        using System;
        using Stm;

        internal static class Audit
        {
            public static void Record(string text) { }
        }

        internal static class Program
        {
            public static void Main() => Atomic.Run(() =>
            {
                [|Audit.Record|]("x");
                Console.WriteLine("allowed by the user's exclusion");
            });
        }
        """,
        additionalFiles: [("Stm.UnsafeApis.MyApp.txt", "# mine\nAudit.Record\n!System.Console.WriteLine\n")]);

    [Fact]
    public Task A_file_named_like_the_default_replaces_the_embedded_list() => Verify.DiagnosticsAsync(
        Analyzer,
        """
        using System;
        using Stm;

        internal static class Program
        {
            public static void Main() => Atomic.Run(() =>
            {
                [|Console.WriteLine|]("listed in the packaged copy");
                Environment.Exit(1);
            });
        }
        """,
        additionalFiles: [("Stm.UnsafeApis.txt", "System.Console\n")]);
}
