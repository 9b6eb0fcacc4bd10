using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Stm.Analyzers.CodeFixes;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Fixes;

public sealed class STM0002FixTests
{
    private static readonly UntrackedMutableMemberAnalyzer Analyzer = new();
    private static readonly TrackMutableMemberCodeFix Fix = new();

    private const string Partial = TrackMutableMemberCodeFix.PartialPropertyKey;
    private const string Immutable = TrackMutableMemberCodeFix.ImmutableKey;

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

    // When each fix is offered. A fix is offered only where its result compiles with the same meaning; otherwise the
    // diagnostic stays (its message says what to do). The member in [|brackets|] is the one whose diagnostic is fixed.
    // The shapes below were found by the fuzzer (tests/Stm.Fuzz), which applies every fix and compiles the result.

    private static async Task AssertOfferedAsync(string source, string[] expected, LanguageVersion? languageVersion = null) =>
        Assert.Equal(expected, await FixRunner.GetOfferedFixesAsync(Analyzer, Fix, source, languageVersion));

    [Fact]
    public Task Both_fixes_for_an_ordinary_field_and_auto_property() => Task.WhenAll(
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class Account
            {
                public long [|Pending|];
                public int Version { get; set; }

                public Account(long pending) { Pending = pending; Version = 1; }

                public long Read() => Pending + Version;
            }
            """, [Immutable, Partial]),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class Account
            {
                public long Pending;
                public int [|Version|] { get; set; }

                public Account(long pending) { Pending = pending; Version = 1; }

                public long Read() => Pending + Version;
            }
            """, [Immutable, Partial]));

    [Fact]
    public Task No_fix_for_a_volatile_field() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class C
        {
            public volatile int [|V|];
        }
        """, []);

    [Fact]
    public Task No_readonly_for_a_field_written_outside_a_constructor() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long [|Plain|];

            public void Write() { Plain++; }
        }
        """, [Partial]);

    // 'readonly' goes on the whole declaration: a variable declared beside one written outside the constructor gets no
    // readonly either (it made the written one readonly too, CS0191). Nor a partial property: one declaration of two.
    [Fact]
    public Task No_readonly_for_a_field_declared_beside_one_written_outside_a_constructor() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long Written, [|Quiet|];

            public void Write() { Written = 1; }
        }
        """, []);

    [Fact]
    public Task Readonly_for_a_declaration_of_fields_none_written_outside_a_constructor() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long First, [|Second|];

            public Account() { First = 1; Second = 2; }
        }
        """, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public readonly long First, Second;

            public Account() { First = 1; Second = 2; }
        }
        """, Immutable);

    // A required member must be settable (CS9034): a required field becomes a partial property, not readonly.
    [Fact]
    public Task No_readonly_for_a_required_field() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class Account
        {
            public required long [|Limit|];
        }
        """, [Partial]);

    [Fact]
    public Task No_init_for_a_property_written_outside_a_constructor() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class Account
        {
            public int [|Q|] { get; set; }

            public void Write() { Q++; }
        }
        """, [Partial]);

    [Fact]
    public Task No_fix_for_a_field_passed_by_ref() => AssertOfferedAsync("""
        using System.Threading;
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long [|Counted|];

            public void Count() => Atomic.Run(() => { Interlocked.Increment(ref Counted); });
        }
        """, []);

    [Fact]
    public Task No_fix_for_a_field_taken_by_ref_or_address() => Task.WhenAll(
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                int [|_f|];

                ref int Get() => ref _f;
            }
            """, []),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public unsafe partial class C
            {
                int [|_f|];

                void M() { fixed (int* p = &_f) { *p = 1; } }
            }
            """, []),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                int [|_f|];

                void M() { Set(out _f); }

                static void Set(out int value) => value = 1;
            }
            """, []));

    [Fact]
    public Task Field_passed_as_in_may_become_readonly_not_a_property() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class C
        {
            int [|_f|];

            int M() => Twice(in _f) + Twice(_f);

            static int Twice(in int value) => value * 2;
        }
        """, [Immutable]);

    [Fact]
    public Task No_readonly_for_writes_the_compiler_does_not_allow_on_a_readonly_field() => Task.WhenAll(
        // In a lambda or local function inside the constructor (CS0191).
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                int [|_f|];

                C() { System.Action set = () => _f = 1; set(); }
            }
            """, [Partial]),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                int [|_f|];

                C() { void Set() { _f = 1; } Set(); }
            }
            """, [Partial]),
        // On another instance, even in a constructor.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                int [|_f|];

                C(C other) { other._f = 1; }
            }
            """, [Partial]),
        // In a derived class's constructor.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class B
            {
                protected int [|F|];
            }

            public class D : B
            {
                public D() { F = 1; }
            }
            """, [Partial]),
        // In an object initializer.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                public int [|F|];

                public static C Create() => new C { F = 1 };
            }
            """, [Partial]),
        // A deconstruction outside the constructor.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                int [|_f|];

                void M() { (_f, _) = (1, 2); }
            }
            """, [Partial]));

    [Fact]
    public Task Struct_field_changed_in_place_only_readonly_in_the_constructor() => Task.WhenAll(
        // A mutating method outside the constructor would run on a defensive copy of a readonly field, and on a copy
        // returned by a property getter: both compile, neither changes the field.
        AssertOfferedAsync("""
            using Stm;

            public struct Counter { public int Value; public void Increment() => Value++; }

            [Transactional]
            public partial class C
            {
                Counter [|_counter|];

                public void Hit() => _counter.Increment();
            }
            """, []),
        // Assigning a member of it (CS1648 readonly, CS1612 property).
        AssertOfferedAsync("""
            using Stm;

            public struct Point { public int X; }

            [Transactional]
            public partial class C
            {
                Point [|_point|];

                public void Move() => _point.X = 1;
            }
            """, []),
        // In the constructor a readonly field is still a variable; a property never is.
        AssertOfferedAsync("""
            using Stm;

            public struct Point { public int X; }

            [Transactional]
            public partial class C
            {
                Point [|_point|];

                public C() { _point.X = 1; }
            }
            """, [Immutable]),
        // readonly members and readonly structs run on the field itself: nothing changes.
        AssertOfferedAsync("""
            using System;
            using Stm;

            public enum State { Open, Closed }

            [Transactional]
            public partial class C
            {
                DateTime [|_at|];
                State _state;

                public string Show() => _at.AddDays(1).ToString() + _state.ToString();
            }
            """, [Immutable, Partial]));

    [Fact]
    public Task Readonly_for_fields_written_only_during_construction() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class C
        {
            int _a;
            int _b;
            int _c;
            int _d;
            int _written;

            public C(int a)
            {
                _a = a;
                this._b += a;
                _c++;
                (_d, _) = (a, a);
                Init(out _a);
            }

            public int E { get => _a; init => _b = value; }

            /// <summary>Reads <see cref="_c"/>.</summary>
            [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_d))]
            public int Sum() => _a + _b + _c + _d + (this is { _a: 1 } ? 1 : 0);

            public void Write() => _written = 1;

            static void Init(out int value) => value = 1;
        }
        """, """
        using Stm;

        [Transactional]
        public partial class C
        {
            readonly int _a;
            readonly int _b;
            readonly int _c;
            readonly int _d;
            int _written;

            public C(int a)
            {
                _a = a;
                this._b += a;
                _c++;
                (_d, _) = (a, a);
                Init(out _a);
            }

            public int E { get => _a; init => _b = value; }

            /// <summary>Reads <see cref="_c"/>.</summary>
            [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_d))]
            public int Sum() => _a + _b + _c + _d + (this is { _a: 1 } ? 1 : 0);

            public void Write() => _written = 1;

            static void Init(out int value) => value = 1;
        }
        """, Immutable);

    [Fact]
    public Task Init_for_properties_written_where_init_is_allowed() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial record class R
        {
            public int A { get; set; }
            public int B { get; set; }
            public int C { get; set; }
            public int D { get; set; }
            public int Written { get; set; }

            public R() { A = 1; this.B += 1; }

            public int E { get => A; init => C = value; }

            public static R Create(R r) => r with { D = 1 } is var copy ? new R { A = 2, D = copy.D } : r;

            public void Write() => Written = 1;
        }

        public record class Derived : R
        {
            public Derived() { A = 3; base.B = 4; }
        }
        """, """
        using Stm;

        [Transactional]
        public partial record class R
        {
            public int A { get; init; }
            public int B { get; init; }
            public int C { get; init; }
            public int D { get; init; }
            public int Written { get; set; }

            public R() { A = 1; this.B += 1; }

            public int E { get => A; init => C = value; }

            public static R Create(R r) => r with { D = 1 } is var copy ? new R { A = 2, D = copy.D } : r;

            public void Write() => Written = 1;
        }

        public record class Derived : R
        {
            public Derived() { A = 3; base.B = 4; }
        }
        """, Immutable);

    [Fact]
    public Task No_init_where_an_init_accessor_cannot_be_called() => Task.WhenAll(
        // A member initializer nested in another object's initializer (CS8852).
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                public int [|P|] { get; set; }
            }

            public class Holder
            {
                public C Inner { get; } = new C();

                public static Holder Create() => new Holder { Inner = { P = 1 } };
            }
            """, [Partial]),
        // A lambda in the constructor.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                public int [|P|] { get; set; }

                public C() { System.Action set = () => P = 1; set(); }
            }
            """, [Partial]),
        // Another instance in the constructor.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                public int [|P|] { get; set; }

                public C(C other) { other.P = 1; }
            }
            """, [Partial]));

    [Fact]
    public Task No_init_for_a_property_matching_another_setter() => Task.WhenAll(
        // An explicit interface implementation: neither a partial property (CS0754) nor init (CS8855).
        AssertOfferedAsync("""
            using Stm;

            public interface I { int X { get; set; } }

            [Transactional]
            public partial record R : I
            {
                int I.[|X|] { get; set; }
            }
            """, []),
        // An implicit one (CS8854).
        AssertOfferedAsync("""
            using Stm;

            public interface I { int X { get; set; } }

            [Transactional]
            public partial class C : I
            {
                public int [|X|] { get; set; }
            }
            """, [Partial]),
        // A getter-only interface property does not mind.
        AssertOfferedAsync("""
            using Stm;

            public interface I { int X { get; } }

            [Transactional]
            public partial class C : I
            {
                public int [|X|] { get; set; }
            }
            """, [Immutable, Partial]),
        // An override (CS8853) or a virtual property (overrides must match).
        AssertOfferedAsync("""
            using Stm;

            public class B { public virtual int X { get; set; } }

            [Transactional]
            public partial class C : B
            {
                public override int [|X|] { get; set; }
            }
            """, [Partial]),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class C
            {
                public virtual int [|X|] { get; set; }
            }
            """, [Partial]));

    [Fact]
    public Task No_partial_property_before_CSharp_13() => Task.WhenAll(
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            partial class Account
            {
                long [|Balance|];
                int Version { get; set; }
            }
            """, [Immutable], LanguageVersion.CSharp12),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            partial class Account
            {
                long Balance;
                int [|Version|] { get; set; }
            }
            """, [Immutable], LanguageVersion.CSharp12));

    [Fact]
    public Task Partial_property_in_CSharp_13() => FixRunner.VerifyFixAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        partial class Account
        {
            long Balance;
        }
        """, """
        using Stm;

        [Transactional]
        partial class Account
        {
            partial long Balance { get; set; }
        }
        """, Partial, languageVersion: LanguageVersion.CSharp13);

    [Fact]
    public Task No_partial_property_the_generator_would_not_implement() => Task.WhenAll(
        // The type is not partial: the generator skips it (STM0001), and a partial member needs a partial type (CS0751).
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            record Buffers
            {
                int[]? [|Field|];
            }
            """, [Immutable]),
        AssertOfferedAsync("""
            using Stm;

            public class Outer
            {
                [Transactional]
                public partial class Inner
                {
                    public int [|Value|] { get; set; }
                }
            }
            """, [Immutable]),
        // A member type the generator does not track: an array of pointers.
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public unsafe partial class Buffers
            {
                int*[]? [|Pointers|];
            }
            """, [Immutable]));

    [Fact]
    public Task No_partial_property_for_a_property_with_accessor_bodies() => AssertOfferedAsync("""
        using Stm;

        [Transactional]
        public partial class C
        {
            public int [|S|] { get => field; set => field = value; }
        }
        """, [Immutable], LanguageVersion.Preview);

    [Fact]
    public Task No_partial_property_when_attributes_would_not_carry_over() => Task.WhenAll(
        // An attribute only valid on fields (CS0592).
        AssertOfferedAsync("""
            using System;
            using Stm;

            [Transactional]
            public partial class C
            {
                [NonSerialized] int [|_cache|];
            }
            """, [Immutable]),
        // Attributes aimed at the backing field a partial property does not have (CS0657, ignored).
        AssertOfferedAsync("""
            using System;
            using Stm;

            [Transactional]
            public partial class C
            {
                [field: NonSerialized] public int [|Cache|] { get; set; }
            }
            """, [Immutable]),
        // An attribute valid on both comes along.
        AssertOfferedAsync("""
            using System;
            using Stm;

            [Transactional]
            public partial class C
            {
                [Obsolete("old")] public int [|Cache|];
            }
            """, [Immutable, Partial]));

    [Fact]
    public async Task No_readonly_for_a_field_written_in_another_project()
    {
        Markup markup = Markup.Parse("""
            using Stm;

            [Transactional]
            public partial class Account
            {
                public long [|Pending|];
            }
            """);
        Document document = TestProject.CreateDocument(markup.Source);
        Project project = document.Project;
        ProjectId otherId = ProjectId.CreateNewId();
        Solution solution = project.Solution
            .AddProject(ProjectInfo.Create(otherId, VersionStamp.Default, "Other", "Other", LanguageNames.CSharp,
                compilationOptions: project.CompilationOptions, parseOptions: project.ParseOptions, metadataReferences: project.MetadataReferences,
                projectReferences: [new ProjectReference(project.Id)]))
            .AddDocument(DocumentId.CreateNewId(otherId), "Other.cs", SourceText.From("public static class Writer { public static void Write(Account a) => a.Pending = 1; }"));
        Assert.Equal([Partial], await FixRunner.GetOfferedFixesAsync(Analyzer, Fix, solution.GetDocument(document.Id)!, markup));
    }

    [Fact]
    public Task Fix_all_skips_the_members_it_would_break() => FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public long Pending;
            public long Written;
            public volatile int Flag;
            public int Version { get; set; }
            public int Counter { get; set; }

            public void Touch() { Written = 1; Counter++; }
        }
        """, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public readonly long Pending;
            public long Written;
            public volatile int Flag;
            public int Version { get; init; }
            public int Counter { get; set; }

            public void Touch() { Written = 1; Counter++; }
        }
        """, Immutable);

    // A field-like event and a captured primary-constructor parameter have no partial-property or readonly form the fix
    // could write: no fix is offered, and Fix All leaves them as they are.

    [Fact]
    public Task No_fix_for_a_field_like_event_or_a_captured_written_parameter() => Task.WhenAll(
        AssertOfferedAsync("""
            using System;
            using Stm;

            [Transactional]
            public partial class Counter
            {
                public event EventHandler? [|Changed|];
            }
            """, []),
        AssertOfferedAsync("""
            using Stm;

            [Transactional]
            public partial class Counter(int [|start|])
            {
                public partial int Count { get; set; }
                public void Bump() { start++; Count = start; }
            }
            """, []));

    [Fact]
    public Task Fix_all_leaves_events_and_captured_parameters_alone() => Task.WhenAll(
        FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
            using System;
            using Stm;

            [Transactional]
            public partial class Counter(int start)
            {
                public long Pending;
                public event EventHandler? Changed;
                public void Bump() { start++; Pending = start; Changed?.Invoke(this, EventArgs.Empty); }
            }
            """, """
            using System;
            using Stm;

            [Transactional]
            public partial class Counter(int start)
            {
                public partial long Pending { get; set; }
                public event EventHandler? Changed;
                public void Bump() { start++; Pending = start; Changed?.Invoke(this, EventArgs.Empty); }
            }
            """, Partial),
        FixRunner.VerifyFixAllAsync(Analyzer, Fix, """
            using System;
            using Stm;

            [Transactional]
            public partial class Counter(int start)
            {
                public long Pending;
                public event EventHandler? Changed;
                public void Bump() { start++; Changed?.Invoke(this, EventArgs.Empty); }
            }
            """, """
            using System;
            using Stm;

            [Transactional]
            public partial class Counter(int start)
            {
                public readonly long Pending;
                public event EventHandler? Changed;
                public void Bump() { start++; Changed?.Invoke(this, EventArgs.Empty); }
            }
            """, Immutable));
}
