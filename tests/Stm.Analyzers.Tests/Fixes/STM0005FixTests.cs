using System.Threading.Tasks;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

public sealed class STM0005FixTests
{
    private static readonly AssignedOnlyDuringConstructionAnalyzer Analyzer = new();
    private static readonly MakePropertyImmutableCodeFix Fix = new();

    [Fact]
    public Task Constructor_only_property_becomes_get_only() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        internal partial class Account
        {
            public Account(string owner) => Owner = owner;

            /// <summary>Who owns it.</summary>
            public partial string Owner { get; set; }
        }
        """, """
        using Stm;

        [Transactional]
        internal partial class Account
        {
            public Account(string owner) => Owner = owner;

            /// <summary>Who owns it.</summary>
            public string Owner { get; }
        }
        """, MakePropertyImmutableCodeFix.EquivalenceKey);

    [Fact]
    public Task Fix_all_uses_init_where_object_initializers_assign() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        internal partial class Account
        {
            public Account() { Owner = ""; }

            public partial string Owner { get; set; }

            public partial string Iban { get; set; }

            public static Account Open() => new() { Iban = "DE00" };
        }
        """, """
        using Stm;

        [Transactional]
        internal partial class Account
        {
            public Account() { Owner = ""; }

            public string Owner { get; }

            public string Iban { get; init; }

            public static Account Open() => new() { Iban = "DE00" };
        }
        """, MakePropertyImmutableCodeFix.EquivalenceKey);
}
