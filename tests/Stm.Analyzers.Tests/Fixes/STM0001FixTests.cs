using System.Threading.Tasks;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

public sealed class STM0001FixTests
{
    private static readonly NotAPartialClassAnalyzer Analyzer = new();
    private static readonly MakeClassPartialCodeFix Fix = new();

    [Fact]
    public Task Adds_partial_keeping_comments_and_attributes() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        /// <summary>An account.</summary>
        [Transactional]
        public sealed class Account // the model
        {
        }
        """, """
        using Stm;

        /// <summary>An account.</summary>
        [Transactional]
        public sealed partial class Account // the model
        {
        }
        """, MakeClassPartialCodeFix.EquivalenceKey);

    [Fact]
    public Task Adds_partial_without_other_modifiers_and_to_containing_types() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        public static class Outer
        {
            [Transactional]
            class Inner { }
        }
        """, """
        using Stm;

        public static partial class Outer
        {
            [Transactional]
            partial class Inner { }
        }
        """, MakeClassPartialCodeFix.EquivalenceKey);

    [Fact]
    public Task No_fix_for_a_static_class() => FixRunner.VerifyNoFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public static partial class Registry { }
        """, MakeClassPartialCodeFix.EquivalenceKey);

    [Fact]
    public Task Fix_all_in_document() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional] public class A { }

        [Transactional] internal sealed class B { }

        [Transactional]
        public abstract class C { }
        """, """
        using Stm;

        [Transactional] public partial class A { }

        [Transactional] internal sealed partial class B { }

        [Transactional]
        public abstract partial class C { }
        """, MakeClassPartialCodeFix.EquivalenceKey);
}
