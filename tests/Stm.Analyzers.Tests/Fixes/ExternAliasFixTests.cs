using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

/// <summary>
/// The fixes that write <c>Atomic</c> (STM0015 wrap, STM0010 OnCommit and BecomeInevitable) with Stm.Runtime referenced
/// under an extern alias only: <c>global::Stm.Atomic</c> names nothing there (CS0400). Through an alias the file
/// declares, or not at all.
/// </summary>
public sealed class ExternAliasFixTests
{
    private static readonly ReadModifyWriteOutsideAtomicBlockAnalyzer Stm0015 = new();
    private static readonly WrapInAtomicRunCodeFix Wrap = new();
    private static readonly IrreversibleEffectInAtomicBlockAnalyzer Stm0010 = new();
    private static readonly DeferEffectCodeFix Defer = new();

    private const string Account = """
        [stm::Stm.Transactional]
        internal partial class Account
        {
            public partial long Balance { get; set; }
        }

        """;

    [Fact]
    public async Task Wrap_names_Atomic_through_the_declared_alias()
    {
        Markup markup = Markup.Parse("""
            extern alias stm;

            """ + Account + """
            internal static class Program
            {
                public static void Main() => Bump(new Account());

                private static void Bump(Account account)
                {
                    [|account.Balance += 1|];
                }
            }
            """);
        await FixRunner.VerifyFixAsync(Stm0015, Wrap, Aliased(markup), markup, """
            extern alias stm;

            """ + Account + """
            internal static class Program
            {
                public static void Main() => Bump(new Account());

                private static void Bump(Account account)
                {
                    stm::Stm.Atomic.Run(() => account.Balance += 1);
                }
            }
            """, WrapInAtomicRunCodeFix.EquivalenceKey);
    }

    [Fact]
    public async Task No_wrap_where_the_file_does_not_declare_the_alias()
    {
        // The class lives in another file, which declares the alias; this one names nothing of Stm.
        Markup markup = Markup.Parse("""
            internal static class Program
            {
                public static void Main() => Bump(new Account());

                private static void Bump(Account account)
                {
                    [|account.Balance += 1|];
                }
            }
            """);
        Document document = Aliased(markup);
        document = document.Project.AddDocument("Account.cs", "extern alias stm;\n" + Account, filePath: "/0/Account.cs").Project.GetDocument(document.Id)!;

        Assert.Empty(await FixRunner.GetOfferedFixesAsync(Stm0015, Wrap, document, markup));
    }

    [Fact]
    public async Task OnCommit_and_BecomeInevitable_name_Atomic_through_the_declared_alias()
    {
        const string before = """
            extern alias stm;
            using System;
            using stm::Stm;

            internal static class Program
            {
                public static void Main() => Atomic.Run(() => [|Console.WriteLine("done")|]);
            }
            """;
        Markup markup = Markup.Parse(before);
        Assert.Equal([DeferEffectCodeFix.BecomeInevitableKey, DeferEffectCodeFix.OnCommitKey], await FixRunner.GetOfferedFixesAsync(Stm0010, Defer, Aliased(markup), markup));

        Markup qualified = Markup.Parse(before.Replace("using stm::Stm;\n", "").Replace("Atomic.Run", "stm::Stm.Atomic.Run"));
        await FixRunner.VerifyFixAsync(Stm0010, Defer, Aliased(qualified), qualified, """
            extern alias stm;
            using System;

            internal static class Program
            {
                public static void Main() => stm::Stm.Atomic.Run(() => stm::Stm.Atomic.OnCommit(() => Console.WriteLine("done")));
            }
            """, DeferEffectCodeFix.OnCommitKey);
    }

    /// <summary>The test document, in a project that references Stm.Runtime under the alias <c>stm</c> only.</summary>
    private static Document Aliased(Markup markup) => TestProject.WithAliasedRuntime(TestProject.CreateDocument(markup.Source));
}
