using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0015Tests
{
    private static readonly ReadModifyWriteOutsideAtomicBlockAnalyzer Analyzer = new();

    private const string Counter = """
        [Transactional]
        internal partial class Counter
        {
            public partial long Value { get; set; }

            public partial string? Name { get; set; }
        }

        """;

    [Fact]
    public Task Reports_compound_increment_coalesce_and_self_assignment() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Threading.Tasks;
        using Stm;

        """ + Counter + """
        internal static class Program
        {
            public static void Main() => Bump(new Counter());

            private static void Bump(Counter counter)
            {
                [|counter.Value += 2|];
                [|counter.Value++|];
                [|--counter.Value|];
                [|counter.Name ??= "x"|];
                [|counter.Value = counter.Value * 2|];
                Parallel.For(0, 10, i => [|counter.Value++|]);
                Atomic.Run(() => Atomic.OnCommit(() => [|counter.Value++|]));
            }
        }
        """,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Reports_lambdas_handed_to_framework_constructors() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Threading;
        using System.Threading.Tasks;
        using Stm;

        """ + Counter + """
        internal static class Program
        {
            public static void Main() => Start(new Counter());

            private static void Start(Counter c)
            {
                new Thread(() => [|c.Value++|]).Start();
                new Thread(new ThreadStart(() => [|c.Value += 2|])).Start();
                using var timer = new Timer(_ => [|c.Value--|], null, 0, 0);
                new Task(() => [|c.Value = c.Value * 2|]).Start();
                ThreadPool.QueueUserWorkItem(_ => [|c.Value++|]);
                Task.Run(() => [|c.Value++|]);
            }
        }
        """,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Ignores_lambdas_handed_to_constructors_of_the_compilation() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using Stm;

        """ + Counter + """
        internal sealed class Transfer
        {
            public Transfer(Action body) => Atomic.Run(body);
        }

        internal static class Program
        {
            public static void Main() => Start(new Counter());

            private static void Start(Counter c)
            {
                _ = new Transfer(() => c.Value++);
                Atomic.Run(() => new System.Threading.Thread(() => { }).Start());
            }
        }
        """,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Reports_a_deconstruction_that_reads_a_property_it_writes() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        """ + Counter + """
        internal static class Program
        {
            public static void Main() => Bump(new Counter(), new Counter());

            private static void Bump(Counter c, Counter other)
            {
                [|(c.Value, c.Name) = (c.Value + 1, "x")|];
                [|((c.Name, _), c.Value) = ((c.Name + "!", 0), 2)|];
                (c.Value, c.Name) = (1, "plain writes");
                [|(c.Value, other.Value) = (other.Value, c.Value)|]; // a swap: an update in between is lost
                (c.Value, c.Name) = (other.Value, "reads another instance");
                long local;
                (local, c.Name) = (c.Value, "reads another property than it writes");
                Atomic.Run(() => (c.Value, c.Name) = (c.Value + 1, "inside"));
            }
        }
        """,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Reports_in_top_level_statements() => Verify.DiagnosticsAsync(
        Analyzer,
        """
        using Stm;

        var counter = new Counter();
        [|counter.Value++|];

        """ + Counter,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Ignores_blocks_methods_reached_from_blocks_constructors_and_plain_writes() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        internal partial class Account
        {
            public Account(long initial) { Balance = initial; Balance += 1; }

            public partial long Balance { get; set; }

            public void Deposit(long amount) => Balance += amount;

            public long Plain;
        }

        internal static class Program
        {
            private static void Helper(System.Action body) => Atomic.Run(body);

            public static void Main() => Run(new Account(1), new Account(2));

            private static void Run(Account a, Account b)
            {
                Atomic.Run(() => { a.Balance -= 10; b.Deposit(10); });
                Atomic.Run(Transfer);
                Helper(() => a.Balance++);
                a.Balance = 5;
                a.Balance = b.Balance + 1;
                a.Plain++;
                void Transfer() => b.Balance++;
            }
        }
        """,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Ignores_methods_nobody_in_the_compilation_calls() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        internal partial class Order
        {
            public partial long Version { get; set; }

            // Callers are unknown here (another assembly through InternalsVisibleTo, a test framework): they may hold a transaction.
            public void Ship() => Version++;
        }
        """);

    [Fact]
    public Task Public_methods_of_a_library_may_be_called_from_other_assemblies_blocks() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public partial long Balance { get; set; }

            public void Deposit(long amount) => Balance += amount;
        }
        """);
}
