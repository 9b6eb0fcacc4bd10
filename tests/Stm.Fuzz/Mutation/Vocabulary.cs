using System.Collections.Generic;

namespace Stm.Fuzz.Mutation;

/// <summary>
/// What the mutator inserts. Random bytes rarely get past the parser; these words and snippets are the ones that
/// reach the generator's corners: modifiers and constraints it must copy or reject, names that clash with what it
/// generates, member shapes it must implement, skip or leave alone. Most bugs found so far came from this list,
/// so a bug in a new area is a reason to add words here.
/// </summary>
internal static class Vocabulary
{
    public static IReadOnlyList<string> Modifiers { get; } =
    [
        "public", "private", "protected", "internal", "static", "abstract", "virtual", "override", "sealed", "new", "extern",
        "readonly", "required", "unsafe", "partial", "file", "volatile", "const", "async", "ref", "scoped", "params", "in", "out",
        "this", "implicit", "explicit", "event", "fixed",
    ];

    public static IReadOnlyList<string> Keywords { get; } =
    [
        "class", "struct", "record", "interface", "enum", "delegate", "get", "set", "init", "field", "value", "where", "allows",
        "default", "null", "namespace", "using", "global", "extension", "dynamic", "var", "object", "string", "int", "void",
        "operator", "notnull", "unmanaged", "managed", "nint", "base", "typeof", "nameof", "with", "add", "remove", "when",
    ];

    /// <summary>Fragments inserted between two tokens: type syntax, constraints, punctuation, directives, attributes, accessors.</summary>
    public static IReadOnlyList<string> Snippets { get; } =
    [
        "<T>", "<T, U>", "where T : struct", "where T : class", "where T : class?", "where T : notnull", "where T : unmanaged",
        "where T : new()", "where T : allows ref struct", "where T : default", "where T : System.Enum", "?", "[]", "*", "[,]",
        "(", ")", "{", "}", ";", ",", ":", "=>", "=", ".", "::", "@", "#nullable disable\n", "#nullable enable\n",
        "#if X\n", "#endif\n", "#else\n", "[Transactional]", "[Stm.Transactional]", "[global::Stm.TransactionalAttribute]",
        "[field: System.NonSerialized]", "[property: System.Obsolete]", "[System.Obsolete]", "[System.Obsolete(\"x\", true)]",
        "partial", "partial class", "partial record", "{ get; set; }", "{ get; init; }", "{ get; }", "{ set; }",
        "{ get; private set; }", "{ get => field; set => field = value; }", "ref readonly", "delegate*<int, void>", "(int a, string b)",
        "int*", "Span<int>", "System.Span<int>", "T?", "dynamic", "extension(int x)", "static", "unsafe", "required", "init",
        "__arglist", "System.TypedReference", "object?", "string?", "int?", "nint", "\"lit\"", "0", "default!", "this",
        ": Base", ": System.Exception", ": I", "I.", "global::", "Stm.", "new()", "base", "~C() { }", "<T> where T : struct",
    ];

    /// <summary>
    /// Names an identifier is renamed to: the generator's own names (the __stm prefix, its locals and parameters, the
    /// interface members it implements), the compiler's record members, namespaces and types the generated code names,
    /// contextual keywords, and Unicode.
    /// </summary>
    public static IReadOnlyList<string> ClashingNames { get; } =
    [
        "__stm", "__stm_P", "__stm_Value", "__stmProperty_P", "__stmGet_P", "__stmSet_P", "__stmPublish", "__stmX",
        "StmHeader", "StmClone", "StmPublish", "MemberwiseClone", "EqualityContract", "PrintMembers", "Equals", "GetHashCode",
        "ToString", "Deconstruct", "Clone", "source", "value", "copy", "transaction", "version", "hash", "builder", "other", "original",
        "state", "v", "Stm", "System", "Internal", "Barrier", "TxHeader", "TransactionalProperty", "Transactional", "TransactionalAttribute",
        "GeneratedCode", "ITransactionalObject", "T", "U", "Atomic", "global", "@class", "@record", "@value", "@field", "@this",
        "field", "record", "dynamic", "var", "nameof", "@event", "Item", "get_P", "set_P", "P", "Value", "ComponentModel", "CodeDom",
        "Collections", "Generic", "EqualityComparer", "Diagnostics", "Runtime", "CompilerServices", "Text", "StringBuilder", "Type", "Object",
        "\u00e9t\u00e9", "P\u0301", "_", "__", "Task", "Run", "OnCommit",
    ];

    /// <summary>
    /// Whole members inserted after an opening brace. <c>C</c> is replaced by a class name of the file, so that
    /// constructors, operators and self-typed properties fit the class they land in.
    /// </summary>
    public static IReadOnlyList<string> Members { get; } =
    [
        // Partial properties in every shape the generator implements, skips or rejects.
        "public partial int P { get; set; }",
        "public partial int P { get; init; }",
        "public required partial string R { get; set; }",
        "public required partial string R { get; init; }",
        "public virtual partial int V { get; set; }",
        "public override partial int V { get; set; }",
        "public sealed override partial int V { get; set; }",
        "public new partial int N { get; set; }",
        "public static partial int S { get; set; }",
        "public abstract partial int A { get; set; }",
        "public extern partial int E { get; set; }",
        "public partial ref int RR { get; }",
        "public partial ref readonly int RRO { get; }",
        "public unsafe partial int* Ptr { get; set; }",
        "public unsafe partial int*[] PtrArr { get; set; }",
        "public unsafe partial delegate*<int, void>[] FpArr { get; set; }",
        "public partial (int a, string? b) Tup { get; set; }",
        "public partial int? NV { get; set; }",
        "public partial T? Gen { get; set; }",
        "public partial T Gen2 { get; set; }",
        "public partial dynamic Dyn { get; set; }",
        "public partial dynamic? DynN { get; set; }",
        "public partial System.Collections.Generic.List<dynamic> DynL { get; set; }",
        "public partial System.Span<int> Sp { get; set; }",
        "public partial int this[int i] { get; set; }",
        "public partial int F { get => field; set => field = value; }",
        "public partial int Q { get; private set; }",
        "protected internal partial int PI { get; private protected set; }",
        "private partial int Priv { get; set; }",
        "partial int NoAcc { get; set; }",
        "internal partial string? S2 { protected get; set; }",
        "public partial Old OldP { get; set; }",
        "public partial FileLocal? FLP { get; set; }",
        "public partial Missing MissingP { get; set; }",
        "public partial System.Collections.Generic.List<Missing> MissingL { get; set; }",
        "public partial RS RSP { get; set; }",
        "public partial D? DP { get; set; }",
        "public partial System.Action<T>? Act { get; set; }",
        "public partial nint NI { get; set; }",
        "public partial decimal Dec { get; set; }",
        "public partial int[][,] Jag { get; set; }",
        "public partial C? Self { get; set; }",
        "public partial System.ValueTuple<int, int, int, int, int, int, int, System.ValueTuple<int, int>> BigTup { get; set; }",

        // Partial properties named like the generator's parameters and locals.
        "public partial string source { get; set; }",
        "public partial int value { get; set; }",
        "public partial int @class { get; set; }",
        "public partial int @field { get; set; }",
        "public partial int version { get; set; }",
        "public partial int transaction { get; set; }",
        "public partial object copy { get; set; }",

        // Members the generator must leave alone, or that clash with what it generates.
        "private int __stm_P;",
        "public int __stmX;",
        "public event System.Action? Ev;",
        "public partial event System.Action? PEv;",
        "public partial event System.Action? PEv { add { } remove { } }",
        "public partial C();",
        "public partial C() { }",
        "public int Field;",
        "public readonly int RO;",
        "public int Auto { get; set; }",
        "public int GetOnly { get; }",
        "public int GetOnlyField { get => field; }",
        "public int Computed => 1;",
        "public new int MemberwiseClone { get; set; }",
        "public object EqualityContract => null!;",
        "protected virtual bool PrintMembers(System.Text.StringBuilder b) => false;",
        "extension(int x) { public int Twice => x * 2; }",
        "public C(int x) { P = x; }",
        "public static implicit operator int(C c) => 0;",
        "public int this[string s] => 0;",
        "public unsafe int* PF;",
        "public unsafe int*[] PFA;",
        "public unsafe delegate*<void>[] FPA;",
        "public System.Span<int> SpanProp => default;",
        "public System.TypedReference TR => default;",
        "~C() { }",
        "public int P2 { get; set; } = 5;",
        "public required int Req;",
        "public required int ReqP { get; set; }",

        // Nested and helper types the property shapes above refer to.
        "public class Nested { }",
        "public partial class NestedP { }",
        "[Stm.Transactional] public partial class NestedT { public partial int Z { get; set; } }",
        "[Stm.Transactional] public partial record NestedR(int A) { public partial int Z { get; set; } }",
        "[System.Obsolete] public class Old { }",
        "file class FileLocal { }",
        "public ref struct RS { }",
        "public delegate void D();",

        // Transaction bodies for the analyzers and their fixes.
        "public void M() { Stm.Atomic.Run(() => { System.Console.WriteLine(); }); }",
        "public void M2() { Stm.Atomic.Run(() => System.IO.File.WriteAllText(\"a\", \"b\")); }",
        "public async System.Threading.Tasks.Task MA() { Stm.Atomic.Run(async () => { await System.Threading.Tasks.Task.Delay(1); }); }",
        "public void Inc(C c) { c.P += 1; c.P++; }",
        "public void Lk() { Stm.Atomic.Run(() => { lock (this) { } System.Threading.Thread.Sleep(1); }); }",
        "public void W() { Stm.Atomic.Run(() => { Field = 1; Auto++; }); }",
    ];
}
