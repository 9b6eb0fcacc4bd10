using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Analyzers.Rules;

namespace Stm.Analyzers.Tests;

/// <summary>
/// One representative case per rule: the analyzer, a source with exactly one marked diagnostic, and its exact message.
/// The configuration tests (.editorconfig, #pragma) and the message tests run over this table.
/// </summary>
internal static class RuleSamples
{
    public sealed record Sample(string Id, Func<DiagnosticAnalyzer> Analyzer, string Markup, string Message, OutputKind OutputKind = OutputKind.DynamicallyLinkedLibrary);

    public static readonly IReadOnlyList<Sample> All =
    [
        new("STM0001", () => new NotAPartialClassAnalyzer(), """
            using Stm;

            [Transactional]
            public class [|Account|]
            {
            }
            """,
            "'Account' cannot be implemented by the Stm generator: the class is not partial, so the generator cannot add the property implementations. Add the 'partial' modifier"),
        new("STM0002", () => new UntrackedMutableMemberAnalyzer(), """
            using Stm;

            [Transactional]
            public partial class Account
            {
                public long [|Balance|];
            }
            """,
            "'Account.Balance' is a mutable field of a [Transactional] class that the STM does not track: writes to it are neither isolated nor rolled back; make it a partial property or make it immutable"),
        new("STM0003", () => new MutableObjectInMemberAnalyzer(), """
            using System.Collections.Generic;
            using Stm;

            [Transactional]
            public partial class Order
            {
                public partial List<string> [|Lines|] { get; set; }
            }
            """,
            "'Order.Lines' holds a mutable collection ('List<string>') whose contents the STM does not isolate: changes made through it are neither rolled back nor hidden until commit; use TList/TDictionary, an immutable collection or a [Transactional] class"),
        new("STM0004", () => new ImmutableMemberAnalyzer(), """
            using Stm;

            [Transactional]
            public partial class Account
            {
                public Account(string id) => Id = id;

                public string [|Id|] { get; }
            }
            """,
            "'Account.Id' is immutable (a get-only property): the STM does not record its reads, so reading it never conflicts"),
        new("STM0005", () => new AssignedOnlyDuringConstructionAnalyzer(), """
            using Stm;

            [Transactional]
            internal partial class Account
            {
                public Account(string owner) => Owner = owner;

                public partial string [|Owner|] { get; set; }
            }
            """,
            "'Account.Owner' is only ever assigned during construction: make it a plain get-only property, whose reads need no barrier and never conflict"),
        new("STM0010", () => new IrreversibleEffectInAtomicBlockAnalyzer(), """
            using System;
            using Stm;

            internal static class Program
            {
                public static void Main() => Atomic.Run(() => [|Console.WriteLine|]("hello"));
            }
            """,
            "'Console.WriteLine' is an irreversible effect inside an atomic block: it runs again every time the transaction is re-executed; defer it with Atomic.OnCommit or call Atomic.BecomeInevitable() first"),
        new("STM0011", () => new UnsafeCallChainAnalyzer(), """
            using System.IO;
            using Stm;

            internal sealed class Journal
            {
                public void Save() => WriteLog();

                private void WriteLog() => File.AppendAllText("log.txt", "saved");

                public void Commit() => Atomic.Run(() => [|Save|]());
            }
            """,
            "'Save()' is called inside an atomic block and reaches an effect that is not rolled back: Save() -> WriteLog() -> File.AppendAllText"),
        new("STM0012", () => new AwaitInAtomicBlockAnalyzer(), """
            using System.Threading.Tasks;
            using Stm;

            internal static class Program
            {
                public static void Main() => Atomic.Run(async () => { [|await|] Task.Yield(); });
            }
            """,
            "'await' inside an atomic block: a transaction is bound to its thread, so the code after the first 'await' runs outside the transaction (and Atomic.Run would not wait for it); do the asynchronous work before or after the atomic block"),
        new("STM0013", () => new BlockingInAtomicBlockAnalyzer(), """
            using Stm;

            internal static class Program
            {
                private static readonly object Gate = new();

                public static void Main() => Atomic.Run(() => { [|lock|] (Gate) { Main(); } });
            }
            """,
            "'lock' inside an atomic block: locks, Interlocked/Volatile operations and blocking waits are not rolled back and can deadlock with the transaction's own conflict handling; use transactional state, and Atomic.Retry() to wait"),
        new("STM0014", () => new UntrackedWriteInAtomicBlockAnalyzer(), """
            using Stm;

            internal static class Counter
            {
                private static int s_count;

                public static void Main() => Atomic.Run(() => { [|s_count|]++; });
            }
            """,
            "Write to static field 'Counter.s_count' inside an atomic block is not rolled back when the transaction aborts and re-runs; keep shared mutable state in partial properties of a [Transactional] class"),
        new("STM0015", () => new ReadModifyWriteOutsideAtomicBlockAnalyzer(), """
            using Stm;

            [Transactional]
            internal partial class Counter
            {
                public partial long Value { get; set; }
            }

            internal static class Program
            {
                public static void Main() => Bump(new Counter());

                private static void Bump(Counter counter) => [|counter.Value += 1|];
            }
            """,
            "'Counter.Value' is read and then written outside any atomic block: each access is atomic but the pair is not, so a concurrent update can be lost; wrap it in Atomic.Run",
            OutputKind.ConsoleApplication),
        new("STM0016", () => new TransactionOnlyCallOutsideAtomicBlockAnalyzer(), """
            using Stm;

            internal static class Program
            {
                public static void Main() => [|Atomic.Retry|]();
            }
            """,
            "Atomic.Retry() is called outside any atomic block and no atomic block reaches this code: it throws InvalidOperationException at run time; call it inside Atomic.Run",
            OutputKind.ConsoleApplication),
    ];

    public static IEnumerable<object[]> Ids => All.Select(sample => new object[] { sample.Id });

    public static Sample Get(string id) => All.Single(sample => sample.Id == id);
}
