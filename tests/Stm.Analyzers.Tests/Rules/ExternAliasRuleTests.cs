using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

/// <summary>
/// The rules with Stm.Runtime referenced under an extern alias only (<c>&lt;Aliases&gt;stm&lt;/Aliases&gt;</c>) report what
/// they report with a plain reference. (<c>GetTypeByMetadataName</c> does not search aliased references: every rule
/// was silent.)
/// </summary>
public sealed class ExternAliasRuleTests
{
    private const string Source = """
        extern alias stm;
        using stm::Stm;

        [Transactional]
        internal partial class Account
        {
            public long Pending;

            public partial long Balance { get; set; }
        }

        internal static class Program
        {
            public static void Main()
            {
                var account = new Account();
                Bump(account);
                Print(account);
                Lock(account);
                Wait();
            }

            private static void Bump(Account account) => account.Balance += 1;

            private static void Print(Account account) => Atomic.Run(() => System.Console.WriteLine(account.Balance));

            private static void Lock(Account account) => Atomic.Run(() => { lock (account) { account.Balance = 2; } });

            private static void Wait() => stm::Stm.Atomic.Retry();
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rules_report_with_an_aliased_runtime(bool aliased)
    {
        Document document = aliased
            ? TestProject.WithAliasedRuntime(TestProject.CreateDocument(Source))
            : TestProject.CreateDocument(Source.Replace("extern alias stm;", "").Replace("stm::", ""));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(document.Project,
            new UntrackedMutableMemberAnalyzer(),
            new ReadModifyWriteOutsideAtomicBlockAnalyzer(),
            new IrreversibleEffectInAtomicBlockAnalyzer(),
            new BlockingInAtomicBlockAnalyzer(),
            new TransactionOnlyCallOutsideAtomicBlockAnalyzer());

        Assert.Equal(["STM0002", "STM0015", "STM0010", "STM0013", "STM0016"], diagnostics.Select(d => d.Id).ToArray());
    }
}
