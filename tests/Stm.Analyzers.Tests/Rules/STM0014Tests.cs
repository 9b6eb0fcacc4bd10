using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0014Tests
{
    private static readonly UntrackedWriteInAtomicBlockAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_static_fields_and_fields_of_pre_existing_objects() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        internal sealed class Stats
        {
            public int Hits;
            public Point Where;
        }

        internal struct Point
        {
            public int X;
        }

        internal sealed class Cache
        {
            private static int s_total;
            private int _count;

            public void Touch(Stats stats)
            {
                Atomic.Run(() =>
                {
                    [|s_total|] += 1;
                    [|_count|]++;
                    [|stats.Hits|] = 2;
                    [|stats.Where.X|] = 3;
                });
            }
        }
        """);

    [Fact]
    public Task Ignores_locals_new_objects_transactional_objects_and_code_outside_blocks() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        internal sealed class Stats
        {
            public int Hits;
        }

        internal struct Point
        {
            public int X;
        }

        [Transactional]
        internal partial class Account
        {
            public partial long Balance { get; set; }
        }

        internal sealed class Holder
        {
            public Stats Inner = new();
        }

        internal static class Program
        {
            private static int s_total;
            private const int Limit = 3;

            public static void Main(Stats shared, Account account)
            {
                s_total = 1;
                shared.Hits = 2;
                int local = 0;
                Atomic.Run(() =>
                {
                    local = 5;
                    var fresh = new Stats();
                    fresh.Hits = 1;
                    var made = new Stats { Hits = 4 };
                    var holder = new Holder();
                    holder.Inner.Hits = 5;        // whatever the constructor put there: not known to be shared
                    new Holder().Inner.Hits = 6;
                    Point point = default;
                    point.X = 2;
                    account.Balance += 10;
                    Atomic.OnCommit(() => shared.Hits++);
                });
            }
        }
        """);

    [Fact]
    public Task Reports_auto_properties_of_pre_existing_objects_and_static_auto_properties() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        public class Plain
        {
            public int P { get; set; }
            public static int SP { get; set; }
            public string? Name { get; set; }
            public Plain? Next { get; set; }
        }

        [Transactional]
        internal partial class Registry
        {
            public static int Created { get; set; }
        }

        internal sealed class Owner
        {
            private readonly Plain _plain = new();

            public int Own { get; private set; }

            public void Touch(Plain plain)
            {
                Atomic.Run(() =>
                {
                    [|plain.P|] = 3;
                    [|plain.P|] += 1;
                    [|plain.P|]++;
                    --[|plain.P|];
                    [|plain.Name|] ??= "x";
                    [|Plain.SP|] = 3;
                    [|Registry.Created|]++;
                    [|_plain.P|] = 4;
                    [|plain.Next!.P|] = 5;
                    [|Own|] = 6;
                    [|this.Own|] = 7;
                });
            }
        }
        """);

    [Fact]
    public Task Reports_auto_property_message() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        public class Plain
        {
            public int P { get; set; }
        }

        internal static class Program
        {
            public static void Main(Plain plain) => Atomic.Run(() => { [|plain.P|] = 3; });
        }
        """).ContinueWith(task => Assert.Equal(
            "Write to auto-property 'Plain.P' of an object that existed before the block inside an atomic block is not rolled back when the transaction aborts and re-runs; keep shared mutable state in partial properties of a [Transactional] class",
            Assert.Single(task.Result).GetMessage(System.Globalization.CultureInfo.InvariantCulture)), TaskScheduler.Default);

    [Fact]
    public Task Ignores_properties_with_their_own_setters_new_objects_transactional_objects_and_collections() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;
        using Stm.Collections;

        public class Plain
        {
            private int _checked;

            public int P { get; set; }
            public virtual int V { get; set; }
            public int Checked { get => _checked; set => _checked = value < 0 ? 0 : value; }
            public static int Computed { get => 0; set { } }
            public int Init { get; init; }
            public int this[int index] { get => index; set { } }
        }

        public record struct Pair(int Left, int Right);

        [Transactional]
        internal partial class Account
        {
            public partial long Balance { get; set; }
        }

        internal static class Program
        {
            public static void Main(Plain shared, Account account, TList<int> list, TDictionary<string, int> map, Pair pair)
            {
                shared.P = 1;
                Plain.Computed = 2;
                Atomic.Run(() =>
                {
                    new Plain().P = 1;
                    var fresh = new Plain { P = 2, Init = 3 };
                    fresh.P++;
                    shared.V = 4;
                    shared.Checked = 5;
                    Plain.Computed = 7;
                    shared[0] = 8;
                    account.Balance += 10;
                    list[0] = 1;
                    map["a"] = 2;
                    pair.Left = 3;
                    Pair local = default;
                    local.Right = 4;
                    Atomic.OnCommit(() => shared.P++);
                });
            }
        }
        """);

    [Fact]
    public Task Reports_elements_of_pre_existing_arrays() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        public class Plain
        {
            public int[] Arr = new int[3];
            public int[] Items { get; set; } = new int[3];
            public static int[] Shared { get; set; } = new int[3];
        }

        internal struct Point
        {
            public int X;
        }

        internal sealed class Owner
        {
            private static readonly int[] s_totals = new int[3];
            private readonly Point[] _points = new Point[3];
            private readonly int[][] _rows = [new int[3]];

            public void Touch(Plain plain, int[] values, string?[] names)
            {
                int[] captured = new int[3];
                Atomic.Run(() =>
                {
                    [|plain.Arr[0]|] = 3;
                    [|plain.Arr[1]|] += 3;
                    [|plain.Arr[2]|]++;
                    [|plain.Items[0]|] = 4;
                    [|Plain.Shared[0]|] = 5;
                    [|s_totals[0]|]--;
                    [|values[0]|] = 6;
                    [|names[0]|] ??= "x";
                    [|captured[0]|] = 7;
                    [|_points[0].X|] = 8;
                    [|_rows[0][1]|] = 9;
                    [|_rows[0]|] = new int[1];
                });
            }
        }
        """);

    [Fact]
    public Task Reports_array_element_message() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        public class Plain
        {
            public int[] Arr = new int[3];
        }

        internal static class Program
        {
            public static void Main(Plain plain) => Atomic.Run(() => { [|plain.Arr[0]|] = 3; });
        }
        """).ContinueWith(task => Assert.Equal(
            "Write to an element of array 'Plain.Arr' that existed before the block inside an atomic block is not rolled back when the transaction aborts and re-runs; keep shared mutable state in partial properties of a [Transactional] class",
            Assert.Single(task.Result).GetMessage(System.Globalization.CultureInfo.InvariantCulture)), TaskScheduler.Default);

    [Fact]
    public Task Ignores_arrays_made_in_the_block_and_arrays_of_unknown_origin() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        public class Plain
        {
            public int[] Arr = new int[3];
            public int[] Items { get; set; } = new int[3];
            public int[] Computed => new int[3];
        }

        internal struct Point
        {
            public int X;
        }

        internal static class Program
        {
            private static int[] Make() => new int[3];

            public static void Main(Plain shared, int[] values)
            {
                values[0] = 1;
                Atomic.Run(() =>
                {
                    var a = new int[3];
                    a[0] = 1;
                    a[1] += 1;
                    a[2]++;
                    int[] b = [1, 2, 3];
                    b[0] = 2;
                    var alias = values;
                    alias[0] = 3;
                    (new int[3])[0] = 4;
                    new Plain().Arr[0] = 5;
                    var fresh = new Plain();
                    fresh.Arr[0] = 6;
                    fresh.Items[0] = 7;
                    shared.Computed[0] = 8;
                    Make()[0] = 9;
                    var points = new Point[2];
                    points[0].X = 10;
                    Atomic.OnCommit(() => values[0]++);
                });
            }
        }
        """);

    // The event sources must compile: on invalid code `+=` on an event may bind to something else.
    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsOfCompilingCodeAsync(string markup)
    {
        Compilation compilation = (await TestProject.CreateDocument(Markup.Parse(markup).Source).Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !TestProject.ToleratedErrors.Contains(d.Id)));
        return await Verify.DiagnosticsAsync(Analyzer, markup);
    }

    [Fact]
    public async Task Reports_subscriptions_to_field_like_events_of_pre_existing_objects_and_static_field_like_events()
    {
        ImmutableArray<Diagnostic> diagnostics = await DiagnosticsOfCompilingCodeAsync("""
            using System;
            using Stm;

            public class Plain
            {
                public event EventHandler? Changed;
                public Inner Child = new();
                public Holder Held;
            }

            public sealed class Inner
            {
                public event Action? Tick;
            }

            public struct Holder
            {
                public event Action? Fired;
            }

            public static class Bus
            {
                public static event Action? Published;
            }

            internal sealed class Owner
            {
                private readonly Plain _plain = new();

                public event Action? Own;

                public void Run(Plain plain, EventHandler handler, Action tick)
                {
                    Atomic.Run(() =>
                    {
                        [|plain.Changed|] += handler;
                        [|plain.Changed|] -= handler;
                        [|_plain.Changed|] += handler;
                        [|plain.Child.Tick|] += tick;
                        [|plain.Held.Fired|] += tick;
                        [|Bus.Published|] += tick;
                        [|Own|] -= tick;
                        [|this.Own|] += tick;
                        [|Own|] = null; // inside its class, the hidden delegate field itself
                    });
                }
            }
            """);
        Assert.Equal(
            "Write to field-like event 'Plain.Changed' of an object that existed before the block inside an atomic block is not rolled back when the transaction aborts and re-runs; keep shared mutable state in partial properties of a [Transactional] class",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("Write to static field-like event 'Bus.Published' inside", diagnostics[5].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Ignores_custom_accessors_virtual_and_framework_events_new_objects_and_transactional_objects() => DiagnosticsOfCompilingCodeAsync("""
        using System;
        using Stm;

        public class Custom
        {
            private EventHandler? _handlers;

            public event EventHandler Changed
            {
                add => _handlers += value;
                remove => _handlers -= value;
            }

            public static event Action Announced
            {
                add { }
                remove { }
            }
        }

        public class Plain
        {
            public event EventHandler? Changed;
            public virtual event Action? Overridable;
        }

        public interface INotify
        {
            event Action? Notified;
        }

        [Transactional]
        public partial class Account
        {
            public event Action? Moved; // STM0002 reports it on the declaration
            public partial long Balance { get; set; }
        }

        internal static class Program
        {
            public static void Run(Custom custom, Plain plain, INotify notify, Account account, EventHandler handler, Action tick)
            {
                Atomic.Run(() =>
                {
                    custom.Changed += handler;
                    custom.Changed -= handler;
                    Custom.Announced += tick;
                    plain.Overridable += tick;
                    notify.Notified += tick;
                    account.Moved += tick;
                    AppDomain.CurrentDomain.ProcessExit += handler;
                    var fresh = new Plain();
                    fresh.Changed += handler;
                    new Plain().Changed -= handler;
                    var initialized = new Plain { };
                    initialized.Changed += handler;
                    Atomic.OnCommit(() => plain.Changed += handler);
                });

                plain.Changed += handler;
            }
        }
        """);

    [Fact]
    public async Task Field_keyword_properties_count_only_when_the_setter_is_the_compilers()
    {
        // `field` is a preview feature for the Roslyn the analyzers build against: the harness's default language version rejects it.
        var parsed = Markup.Parse("""
            using Stm;

            public class Plain
            {
                public int Clamped { get; set { field = value < 0 ? 0 : value; } }
                public int Counted { get => field; set; }
            }

            internal static class Program
            {
                public static void Main(Plain plain) => Atomic.Run(() =>
                {
                    plain.Clamped = 1;
                    [|plain.Counted|] = 2;
                });
            }
            """);
        Document document = TestProject.CreateDocument(parsed.Source, languageVersion: LanguageVersion.Preview);
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(document.Project, Analyzer);
        Assert.Equal(parsed.Spans.ToArray(), diagnostics.Select(d => d.Location.SourceSpan).ToArray());
    }

    // A library the code references (a project or package): metadata only, no syntax and no private backing fields.
    private const string DomainLibrary = """
        using System;
        using Stm;

        namespace Domain;

        public class Plain
        {
            public int Count;
            public int Prop { get; set; }
            public int Init { get; init; }
            public int Computed { get => _computed; set => _computed = value; }
            public int WithField { get => field; set => field = value; }
            public int SetterOnlyAuto { get => field; set; }
            public virtual int Overridable { get; set; }
            public Plain? Next { get; set; }
            public int[] Items { get; set; } = new int[4];
            public static int Total { get; set; }
            public event EventHandler? Changed;
            public event EventHandler? Custom { add { } remove { } }
            public virtual event EventHandler? Virtual;
            private int _computed;
        }

        public sealed class Holder<T>
        {
            public T? Value { get; set; }
        }

        public class PlainBase
        {
            public int BaseAuto { get; set; }
        }

        [Transactional]
        public partial class FromPlain : PlainBase
        {
            public partial int Tracked { get; set; }
            public int Untracked { get; set; } // STM0002 in the library
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reports_auto_properties_and_field_like_events_of_plain_objects_from_other_assemblies(bool referenceAssembly)
    {
        ImmutableArray<Diagnostic> diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using System;
            using Domain;
            using Stm;

            internal static class Program
            {
                public static void Run(Plain plain, Holder<string> holder, FromPlain fp, EventHandler handler)
                {
                    Atomic.Run(() =>
                    {
                        [|plain.Count|]++;
                        [|plain.Prop|] = 3;
                        [|plain.SetterOnlyAuto|] = 4;
                        [|plain.Next!.Prop|] += 1;
                        [|plain.Items[0]|] = 1;
                        [|Plain.Total|]++;
                        [|holder.Value|] = "v";
                        [|fp.BaseAuto|] = 2;
                        [|plain.Changed|] += handler;
                    });
                }
            }
            """,
            references: [TestLibrary.Compile("Domain", DomainLibrary, referenceAssembly)]);
        Assert.StartsWith("Write to auto-property 'Plain.Prop' of an object that existed before the block inside", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.StartsWith("Write to static auto-property 'Plain.Total' inside", diagnostics[5].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Ignores_hand_written_accessors_virtual_members_and_transactional_objects_from_other_assemblies(bool referenceAssembly) => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using Domain;
        using Stm;

        internal static class Program
        {
            public static void Run(Plain plain, FromPlain fp, EventHandler handler)
            {
                Atomic.Run(() =>
                {
                    plain.Computed = 1;
                    plain.WithField = 2;
                    plain.Overridable = 3;
                    plain.Custom += handler;
                    plain.Virtual += handler;
                    fp.Tracked = 4;
                    fp.Untracked = 5;
                    new Plain().Prop = 6;
                    var local = new Plain { Init = 7, Prop = 8 };
                    local.Prop = 9;
                    local.Changed += handler;
                });

                plain.Prop = 10;
            }
        }
        """,
        references: [TestLibrary.Compile("Domain", DomainLibrary, referenceAssembly)]);
}
