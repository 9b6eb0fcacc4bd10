using System.Threading.Tasks;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

public sealed class STM0002FixTests
{
    private static readonly UntrackedMutableMemberAnalyzer Analyzer = new();
    private static readonly TrackMutableMemberCodeFix Fix = new();

    [Fact]
    public Task Field_becomes_a_partial_property() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            // Pending amount.
            public long Pending; // cents
        }
        """, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            // Pending amount.
            public partial long Pending { get; set; } // cents
        }
        """, TrackMutableMemberCodeFix.PartialPropertyKey);

    [Fact]
    public Task Auto_property_becomes_a_partial_property() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public int Version { get; set; }
        }
        """, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public partial int Version { get; set; }
        }
        """, TrackMutableMemberCodeFix.PartialPropertyKey);

    [Fact]
    public Task Field_becomes_readonly_and_property_init_only() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            private string _id = "";
            int _count;
            public string Owner { get; private set; } = "";
        }
        """, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            private readonly string _id = "";
            readonly int _count;
            public string Owner { get; private init; } = "";
        }
        """, TrackMutableMemberCodeFix.ImmutableKey);

    [Fact]
    public Task No_partial_property_fix_for_an_initialized_field() => FixRunner.VerifyNoFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long Pending = 5;
        }
        """, TrackMutableMemberCodeFix.PartialPropertyKey);

    [Fact]
    public Task Fix_all_to_partial_properties() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long Pending;
            internal int Version { get; set; }
            private bool _closed;
        }
        """, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public partial long Pending { get; set; }
            internal partial int Version { get; set; }
            private partial bool _closed { get; set; }
        }
        """, TrackMutableMemberCodeFix.PartialPropertyKey);
}
