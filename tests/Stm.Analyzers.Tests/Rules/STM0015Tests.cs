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

    // A library the App references (a project or package): metadata only, with the generator's output compiled in.
    private const string DomainLibrary = """
        using Stm;

        namespace Domain;

        [Transactional]
        public partial class Account
        {
            public partial long Balance { get; set; }

            public partial string? Owner { get; set; }

            public partial long Opened { get; init; }

            public long Untracked { get; set; } // STM0002 in the library: not a transactional property

            public long Computed { get => 0; set { } }

            public ref long Slot => ref _slot;

            private long _slot;
        }

        [Transactional]
        public partial class Box<T>
        {
            public partial T Value { get; set; }
        }

        public class Plain
        {
            public long Count { get; set; }
        }
        """;

    // A third assembly: a transactional class derived from the Domain one.
    private const string BankingLibrary = """
        using Stm;

        namespace Banking;

        [Transactional]
        public partial class SavingsAccount : Domain.Account
        {
            public partial decimal Interest { get; set; }
        }
        """;

    /// <summary>Domain and Banking as the App sees them: full assemblies (a package's lib/) or reference assemblies (a ProjectReference).</summary>
    private static MetadataReference[] Libraries(bool referenceAssemblies)
    {
        MetadataReference domain = TestLibrary.Compile("Domain", DomainLibrary, referenceAssemblies);
        return [domain, TestLibrary.Compile("Banking", BankingLibrary, referenceAssemblies, domain)];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Reports_transactional_properties_of_classes_from_other_assemblies(bool referenceAssemblies) => Verify.DiagnosticsAsync(Analyzer, """
        using Banking;
        using Domain;
        using Stm;

        var a = new Account();
        [|a.Balance += 1|];
        [|a.Owner ??= "x"|];
        var sa = new SavingsAccount();
        [|sa.Interest++|];
        [|sa.Balance--|];
        var box = new Box<int>();
        [|box.Value = box.Value * 2|];
        var names = new Box<string?>();
        [|names.Value ??= "n"|];
        var c = new Checking();
        [|c.Balance += 2|];
        [|c.Limit++|];

        [Transactional]
        internal sealed partial class Checking : Account
        {
            public partial long Limit { get; set; }
        }
        """,
        outputKind: OutputKind.ConsoleApplication,
        references: Libraries(referenceAssemblies));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Ignores_other_properties_of_classes_from_other_assemblies(bool referenceAssemblies) => Verify.NoDiagnosticsAsync(Analyzer, """
        using Domain;
        using Stm;

        var a = new Account();
        a.Untracked++;
        a.Computed += 1;
        a.Slot += 1;
        var b = new Account { Opened = a.Opened + 1 };
        var plain = new Plain();
        plain.Count++;
        plain.Count = plain.Count + 1;
        Atomic.Run(() => a.Balance++);
        """,
        outputKind: OutputKind.ConsoleApplication,
        references: Libraries(referenceAssemblies));
}
