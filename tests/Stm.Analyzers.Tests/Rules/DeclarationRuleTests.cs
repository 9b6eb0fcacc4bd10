using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0001Tests
{
    private static readonly NotAPartialClassAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_static_and_non_partial_classes_and_non_partial_containing_types() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        // Structs and interfaces cannot carry the attribute at all (AttributeUsage: CS0592).
        [Transactional] public static class [|Registry|] { }
        [Transactional] public class [|Plain|] { }
        [Transactional] public sealed record [|Entry|](string Key);

        public class Outer
        {
            [Transactional] public partial class [|Inner|] { }
        }
        """);

    [Fact]
    public Task Reports_partial_properties_the_generator_cannot_implement() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public partial long Balance { get; set; }

            public static partial int [|Count|] { get; set; }

            public partial long [|ReadOnly|] { get; }
        }
        """);

    [Fact]
    public async Task Explains_ref_struct_types_and_type_parameters_that_allow_ref_structs()
    {
        var diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using System;
            using Stm;

            [Transactional]
            public partial class Box<T, U>
                where T : allows ref struct
            {
                public partial Span<int> [|Buffer|] { get; set; }
                public partial T [|Value|] { get; set; }
                public partial U? Plain { get; set; }
            }
            """);
        Assert.Equal(
            new[]
            {
                "'Box.Buffer' cannot be implemented by the Stm generator: a ref struct cannot be stored in a field",
                "'Box.Value' cannot be implemented by the Stm generator: its type parameter 'T' allows ref structs ('allows ref struct'), which cannot be stored in a field",
            },
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    [Fact]
    public Task Reports_a_reserved_class_name_and_a_hand_written_transactional_base() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;
        using Stm.Internal;

        // Its property X would get a backing field named like the class.
        [Transactional] public partial class [|__stm_X|] { public partial int X { get; set; } }

        public class ManualBase : ITransactionalObject
        {
            private TxHeader _header = TxHeader.Create();
            ref TxHeader ITransactionalObject.StmHeader => ref _header;
            object ITransactionalObject.StmClone() => MemberwiseClone();
            void ITransactionalObject.StmPublish(object copy) { }
        }

        // The generated part would override a publish method and use a header field that only a generated base declares.
        [Transactional] public partial class [|Derived|] : ManualBase { public partial int P { get; set; } }
        """);

    [Fact]
    public Task Reports_a_type_parameter_that_hides_a_containing_type_s() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        #pragma warning disable CS0693
        public partial class Outer<T>
        {
            [Transactional] public partial class [|Inner|]<T> { public partial int P { get; set; } }

            public partial class Middle<U>
            {
                [Transactional] public partial record [|Deep|]<T> { public partial T? Value { get; set; } }

                // Distinct names at every level, and the same name in a sibling: both fine.
                [Transactional] public partial class Fine<V> { public partial V? Value { get; set; } }
            }

            public partial class Sibling<U> { }
        }
        """);

    [Fact]
    public Task Reports_a_project_type_that_hides_a_name_the_generated_code_uses() => Task.WhenAll(
        Verify.DiagnosticsAsync(Analyzer, """
            using Stm;

            // global::System now names this class, not the namespace (CS0437).
            [Transactional] public partial class [|System|] { public partial int P { get; set; } }
            """),
        Verify.DiagnosticsAsync(Analyzer, """
            namespace Stm.Internal { public static class Barrier { } }

            namespace App
            {
                [Stm.Transactional] public partial class [|C|] { public partial int P { get; set; } }
            }
            """),
        Verify.DiagnosticsAsync(Analyzer, """
            namespace Stm { public class Internal { } }

            namespace App
            {
                [Stm.Transactional] public partial class [|C|] { public partial int P { get; set; } }
            }
            """),
        Verify.DiagnosticsAsync(Analyzer, """
            namespace System { public class Text { } }

            namespace App
            {
                [Stm.Transactional] public partial record [|R|] { public partial int P { get; set; } }
            }
            """));

    [Fact]
    public Task Accepts_a_class_nested_in_the_Program_of_top_level_statements() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        var box = new Program.Box();
        Atomic.Run(() => box.Value++);

        // Program is also declared by the compilation unit (no 'partial' there); the generated part combines with both.
        public partial class Program
        {
            [Transactional] public partial class Box { public partial int Value { get; set; } }
        }
        """, Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

    [Fact]
    public Task Accepts_supported_shapes() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional] public partial class Account { public partial long Balance { get; set; } public partial string Name { get; init; } }
        [Transactional] public sealed partial class Sealed { }
        [Transactional] public abstract partial class Base { }
        [Transactional] public partial class Generic<T> { public partial T Value { get; set; } }
        [Transactional] public partial record class Entry(string Key);
        public partial class Outer { [Transactional] public partial class Nested { } }
        public class NotTransactional { }
        """);
}

public sealed class STM0002Tests
{
    private static readonly UntrackedMutableMemberAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_mutable_fields_and_settable_auto_properties() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            private long [|_pending|];
            public int [|Version|] { get; set; }
            public string [|Owner|] { get; private set; } = "";
        }
        """);

    [Fact]
    public Task Ignores_tracked_immutable_computed_static_and_const_members() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            private const int Limit = 3;
            private static int s_created;
            private readonly string _id = "";
            public partial long Balance { get; set; }
            public string Id { get; } = "";
            public string Name { get; init; } = "";
            public long Doubled { get => Balance * 2; set => Balance = value / 2; }
        }

        public class Plain
        {
            public int Mutable;
        }
        """);

    // The sources of the event and primary-constructor tests must compile: on invalid code the operations could bind
    // differently from what the compiler accepts.
    private static async Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> DiagnosticsOfCompilingCodeAsync(string markup)
    {
        Microsoft.CodeAnalysis.Compilation compilation = (await TestProject.CreateDocument(Markup.Parse(markup).Source).Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && !TestProject.ToleratedErrors.Contains(d.Id)));
        return await Verify.DiagnosticsAsync(Analyzer, markup);
    }

    [Fact]
    public async Task Reports_field_like_instance_events()
    {
        var diagnostics = await DiagnosticsOfCompilingCodeAsync("""
            using System;
            using Stm;

            [Transactional]
            public abstract partial class Account
            {
                public event EventHandler? [|Changed|];
                internal event Action<int> [|Moved|], [|Closed|];
                protected virtual event EventHandler? [|Touched|];
            }

            [Transactional]
            public partial class Savings : Account
            {
                protected override event EventHandler? [|Touched|];
            }
            """);
        Assert.Equal(
            "'Account.Changed' is a mutable field-like event of a [Transactional] class that the STM does not track: writes to it are neither isolated nor rolled back; give it add/remove accessors that keep the handlers in a partial property, or remove it",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Ignores_events_with_accessors_static_abstract_and_non_transactional_events() => DiagnosticsOfCompilingCodeAsync("""
        using System;
        using Stm;

        [Transactional]
        public abstract partial class Account
        {
            public partial EventHandler? Handlers { get; set; }

            public event EventHandler? Changed
            {
                add => Handlers += value;
                remove => Handlers -= value;
            }

            public static event EventHandler? Created;
            public abstract event EventHandler? Closed;
        }

        public class Plain
        {
            public event EventHandler? Changed;
        }
        """);

    [Fact]
    public async Task Reports_captured_primary_constructor_parameters_that_are_written()
    {
        var diagnostics = await DiagnosticsOfCompilingCodeAsync("""
            using Stm;

            [Transactional]
            public partial class Counter(int [|start|], int [|step|], int [|limit|], string [|name|], (int X, int Y) [|origin|], int [|seed|], int [|total|])
            {
                public partial int Count { get; set; }

                public void Bump() { start++; Count = start; }                     // ++
                public void Stride() => step += 2;                                  // compound assignment
                public void Lower() { if (Count > limit) { Count = limit = 0; } }   // assignment
                public string Name => name ??= "";                                  // ??=
                public void Move() => origin.X = 3;                                 // a struct value's field
                public int Next() => int.TryParse("1", out seed) ? seed : 0;        // out argument
                public void Add(int value) => Increment(ref total, value);          // ref argument

                private static void Increment(ref int target, int value) => target += value;
            }
            """);
        Assert.Equal(
            "'Counter.start' is a mutable captured primary-constructor parameter of a [Transactional] class that the STM does not track: writes to it are neither isolated nor rolled back; keep the value in a partial property instead, or stop writing the parameter",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Reports_a_parameter_captured_by_one_member_and_written_in_another_or_in_a_lambda() => DiagnosticsOfCompilingCodeAsync("""
        using System;
        using Stm;

        [Transactional]
        public partial class Counter(int [|start|], int [|other|])
        {
            private readonly int _initial = start--;   // written during construction, captured below
            public int Start => start;

            public Action Reset() => () => other = 0;  // written inside a lambda of a member
        }
        """);

    [Fact]
    public Task Reports_deconstruction_ref_local_and_address_writes() => DiagnosticsOfCompilingCodeAsync("""
        using Stm;

        public struct Point { public int X { get; set; } }

        [Transactional]
        public unsafe partial class Counter(int [|a|], int [|b|], int [|c|], int [|d|], Point [|p|], int e)
        {
            public void Swap() => (a, b) = (b, a);
            public void Reset() { ref int r = ref c; r = 0; }
            public void Poke() { fixed (int* q = &d) { *q = 1; } }
            public void Move() => p.X++;
            public int Read() { ref readonly int r = ref e; return r; }   // a readonly reference does not write
        }
        """);

    [Fact]
    public Task Ignores_read_only_captured_initializer_only_and_record_positional_parameters() => DiagnosticsOfCompilingCodeAsync("""
        using System;
        using Stm;

        public class Base(int seed)
        {
            public int Seed => seed;
        }

        [Transactional]
        public partial class Counter(int start, int step, string name, int seed, int limit) : Base(seed++)
        {
            public partial int Count { get; set; }
            private readonly int _step = step++;                  // used (and written) only while constructing
            public string Name { get; } = name;
            public event EventHandler? Changed
            {
                add { }
                remove { }
            }

            public void Bump() => Count += start;                  // captured, only read
            public bool Full() => Count >= limit && int.TryParse(limit.ToString(), out _);
            public string Describe() => nameof(step) + nameof(seed);  // nameof captures nothing
        }

        [Transactional]
        public partial record class Entry(string Key, int Hits)
        {
            public string Describe() => Key + Hits;                // the generated properties, not the parameters
        }

        public partial class Plain(int value)
        {
            public void Bump() => value++;
        }
        """);
}

public sealed class STM0003Tests
{
    private static readonly MutableObjectInMemberAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_arrays_collections_and_classes_with_setters() => Verify.DiagnosticsAsync(Analyzer, """
        using System.Collections.Generic;
        using System.Text;
        using Stm;

        public class Settings
        {
            public int Level { get; set; }
        }

        [Transactional]
        public partial class Order
        {
            public partial List<string> [|Lines|] { get; set; }
            public partial int[] [|Quantities|] { get; set; }
            public readonly Dictionary<string, int> [|Index|] = new();
            public Settings [|Options|] { get; } = new();
            public StringBuilder [|Notes|] { get; init; } = new();
        }
        """);

    [Fact]
    public Task Accepts_immutable_values_interfaces_and_transactional_references() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Stm;

        public sealed record Money(decimal Amount, string Currency);

        [Transactional]
        public partial class Order
        {
            public partial string Name { get; set; }
            public partial ImmutableList<string> Lines { get; set; }
            public partial IReadOnlyList<int> Quantities { get; set; }
            public partial Order? Next { get; set; }
            public partial Money Total { get; set; }
            public partial DateTime Placed { get; set; }
            public Func<int, int> Rule { get; } = x => x;
            public readonly Uri Home = new("https://example.org");
        }
        """);

    [Fact]
    public async Task Reports_memory_array_segments_and_tuples_with_a_mutable_element()
    {
        var diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using System;
            using System.Collections.Generic;
            using Stm;

            public class Settings
            {
                public int Level { get; set; }
            }

            [Transactional]
            public partial class Order
            {
                public partial Memory<int> [|Data|] { get; set; }
                public partial Memory<int>? [|MaybeData|] { get; set; }
                public partial (int, List<int>) [|Pair|] { get; set; }
                public partial (string Name, (int Id, int[] Slots) Inner) [|Nested|] { get; set; }
                public partial (int, Settings)? [|Maybe|] { get; set; }
                public readonly (Memory<byte> Buffer, int Length) [|Chunk|];
                public (int, Dictionary<string, int>) [|Index|] { get; } = (0, new());
                public partial ArraySegment<int> [|Segment|] { get; set; }
                public partial Tuple<string, List<int>>? [|Legacy|] { get; set; }
                public readonly Tuple<int, Tuple<int, int[]>> [|LegacyNested|] = Tuple.Create(0, Tuple.Create(0, new int[1]));
            }
            """);
        Assert.Equal(
            "'Order.Data' holds a writable view of an array ('Memory<int>') whose contents the STM does not isolate: changes made through it are neither rolled back nor hidden until commit; use TList/TDictionary, an immutable collection or a [Transactional] class",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith(
            "'Order.Pair' holds a tuple with a mutable element ('(int, List<int>)')",
            diagnostics[2].GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Accepts_read_only_memory_and_tuples_of_immutable_or_transactional_elements() => Verify.NoDiagnosticsAsync(Analyzer, """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Stm;

        [Transactional]
        public partial class Order
        {
            public partial ReadOnlyMemory<int> Data { get; set; }
            public partial ReadOnlyMemory<int>? MaybeData { get; set; }
            public partial (int, string) Pair { get; set; }
            public partial (int Id, ImmutableList<int> Items, IReadOnlyList<string> Names) Triple { get; set; }
            public partial (Order? Next, (DateTime When, Func<int, int> Rule) Inner) Nested { get; set; }
            public partial (int, long)? Maybe { get; set; }
            public readonly (string, ReadOnlyMemory<byte>) Chunk;
            public partial Tuple<int, string>? Legacy { get; set; }
            public readonly Tuple<Order, ImmutableArray<int>> LegacyPair = Tuple.Create(new Order(), ImmutableArray<int>.Empty);
        }
        """);
}

public sealed class STM0004Tests
{
    private static readonly ImmutableMemberAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_readonly_fields_get_only_and_init_only_auto_properties() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            private readonly string [|_id|] = "";
            public string [|Owner|] { get; } = "";
            public string [|Iban|] { get; init; } = "";
            public partial long Balance { get; set; }
            public string Label => _id + Owner;
        }
        """);

    [Fact]
    public Task Ignores_non_transactional_classes() => Verify.NoDiagnosticsAsync(Analyzer, """
        public class Plain
        {
            private readonly string _id = "";
            public string Owner { get; } = "";
        }
        """);
}

public sealed class STM0005Tests
{
    private static readonly AssignedOnlyDuringConstructionAnalyzer Analyzer = new();

    [Fact]
    public async Task Reports_properties_assigned_only_in_constructors_or_initializers()
    {
        var diagnostics = await Verify.DiagnosticsAsync(Analyzer, """
            using Stm;

            [Transactional]
            internal partial class Account
            {
                public Account() => Owner = "";

                public partial string [|Owner|] { get; set; }

                public partial string [|Iban|] { get; set; }

                public partial long Balance { get; set; }

                public partial long Unused { get; set; }

                public static Account Open(long amount) => new() { Iban = "DE00", Balance = amount };

                public void Deposit(long amount) => Balance += amount;
            }
            """);
        Assert.Equal("get", diagnostics[0].Properties[AssignedOnlyDuringConstructionAnalyzer.AccessorProperty]);
        Assert.Equal("init", diagnostics[1].Properties[AssignedOnlyDuringConstructionAnalyzer.AccessorProperty]);
    }

    // The case: an application (nothing is visible to other assemblies), the override assigned only in an object
    // initializer, but through the base after that. The write names Shape.Label, not Circle.Label.
    [Fact]
    public Task Ignores_overrides_and_virtual_properties_written_through_the_base() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional] public abstract partial class Shape { public virtual partial string Label { get; set; } }
        [Transactional] public sealed partial class Circle : Shape { public override partial string Label { get; set; } }

        [Transactional] public partial class Node { public virtual partial int Weight { get; set; } }
        [Transactional] public partial class Leaf : Node { public sealed override partial int Weight { get; set; } }

        internal static class Program
        {
            public static void Main()
            {
                var c = new Circle { Label = "a" };
                Shape s = c;
                s.Label = "b";
                _ = new Leaf { Weight = 1 };
                _ = new Node { Weight = 2 };
            }
        }
        """, OutputKind.ConsoleApplication);

    // An override of a settable property cannot drop the setter (CS8080) or make it init (CS8853); a virtual one would
    // break its overrides: not reported even when nothing writes them after construction.
    [Fact]
    public Task Ignores_overrides_and_virtual_properties_assigned_only_during_construction() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        internal partial class Shape
        {
            public Shape() => Label = "";
            public virtual partial string Label { get; set; }
        }

        [Transactional]
        internal sealed partial class Circle : Shape
        {
            public Circle() => Label = "circle";
            public override partial string Label { get; set; }
        }
        """);

    // Writes through the interface name the interface's property; the setter is part of the contract (CS0535 without
    // it). Also when the class implements the interface with a property it inherits.
    [Fact]
    public Task Ignores_implementations_of_settable_interface_properties() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        internal interface ILabeled { string Label { get; set; } }

        [Transactional]
        internal sealed partial class Tag : ILabeled
        {
            public partial string Label { get; set; }
        }

        [Transactional]
        internal partial class Base
        {
            public partial string Label { get; set; }
        }

        [Transactional]
        internal sealed partial class Derived : Base, ILabeled { }

        internal static class Program
        {
            public static void Rename(ILabeled labeled) => labeled.Label = "renamed";

            public static void Create()
            {
                Rename(new Tag { Label = "a" });
                Rename(new Derived { Label = "b" });
            }
        }
        """);

    // A get-only interface property cannot be written through, and a get-only or init-only property still implements it.
    [Fact]
    public Task Reports_implementations_of_get_only_interface_properties() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        internal interface INamed { string Name { get; } }

        [Transactional]
        internal sealed partial class Person : INamed
        {
            public partial string [|Name|] { get; set; }

            public static INamed Create() => new Person { Name = "a" };
        }
        """);

    [Fact]
    public Task Ignores_setters_other_assemblies_can_call_and_init_only_properties() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        [Transactional]
        public partial class Account
        {
            public Account() { Owner = ""; Label = ""; }

            public partial string Owner { get; set; }

            public partial string Label { get; init; }
        }
        """);
}
