using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>
/// A project may reference Stm.Runtime, or the assembly of a property's type, under extern aliases only
/// (<c>&lt;Aliases&gt;stm&lt;/Aliases&gt;</c>), so that <c>global::</c> does not reach it. The generated code then names
/// those types through the alias and declares it; before, every runtime name in the file was CS0400.
/// </summary>
public class ExternAliasTests
{
    private const string AccountSource = """
        extern alias stm;
        using stm::Stm;

        namespace App;

        /// <summary>An account.</summary>
        [Transactional]
        public partial class Account
        {
            /// <summary>The balance.</summary>
            public partial long Balance { get; set; }

            /// <summary>The next account.</summary>
            public partial Account? Next { get; set; }

            /// <summary>A type from the aliased assembly.</summary>
            public partial stm::Stm.Collections.TList<int>? Items { get; set; }

            /// <summary>Moves money in a transaction, one nested block rolled back.</summary>
            public static string Exercise()
            {
                var a = new Account { Balance = 100, Items = new stm::Stm.Collections.TList<int>() };
                var b = new Account { Balance = 0 };
                Atomic.Run(() =>
                {
                    a.Balance -= 30;
                    b.Balance += 30;
                    a.Next = b;
                    a.Items!.Add(30);
                    try
                    {
                        Atomic.Run(() => { b.Balance = 999; throw new System.InvalidOperationException(); });
                    }
                    catch (System.InvalidOperationException)
                    {
                    }
                });
                return a.Balance + "/" + b.Balance + "/" + (a.Next == b) + "/" + a.Items!.Count;
            }
        }
        """;

    [Fact]
    public void Stm_runtime_referenced_under_an_alias_only_compiles_and_runs()
    {
        CSharpCompilation input = WithAliases(GeneratorHarness.CreateCompilation([("App.cs", AccountSource)]), RuntimeReference, "stm");
        GeneratorOutcome outcome = GeneratorHarness.Run(input);

        Assert.True(outcome.OutputProblems.Count == 0, outcome.Describe(outcome.OutputProblems));
        string generated = outcome.Sources.Single().SourceText.ToString();
        Assert.Contains("extern alias stm;", generated, StringComparison.Ordinal);
        Assert.Contains("stm::Stm.Internal.Barrier.OpenRead(", generated, StringComparison.Ordinal);
        Assert.Contains("stm::Stm.Collections.TList<int>?", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("global::Stm.", generated, StringComparison.Ordinal);

        var context = new AssemblyLoadContext("stm-extern-alias", isCollectible: true);
        try
        {
            Assembly app = context.LoadFromStream(new MemoryStream(GeneratorHarness.Emit(outcome.Output)));
            Assert.Equal("70/30/True/1", app.GetType("App.Account")!.GetMethod("Exercise")!.Invoke(null, null));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Property_and_record_member_types_from_an_aliased_library()
    {
        CSharpCompilation library = GeneratorHarness.CreateCompilation([("Lib.cs", """
            namespace Lib
            {
                /// <summary>Money.</summary>
                public sealed record Money(long Cents);

                /// <summary>A point.</summary>
                public struct Point
                {
                    /// <summary>X.</summary>
                    public int X;

                    /// <summary>A nested type.</summary>
                    public enum Axis
                    {
                        /// <summary>Horizontal.</summary>
                        Horizontal,

                        /// <summary>Vertical.</summary>
                        Vertical,
                    }
                }
            }
            """)], "Lib");
        MetadataReference libraryReference = MetadataReference.CreateFromImage(GeneratorHarness.Emit(library)).WithAliases(["lib"]);

        CSharpCompilation input = GeneratorHarness.CreateCompilation([("Order.cs", """
            extern alias lib;
            using System.Collections.Generic;
            using Stm;

            namespace App;

            /// <summary>An order.</summary>
            [Transactional]
            public partial record Order
            {
                /// <summary>The price.</summary>
                public partial lib::Lib.Money? Price { get; set; }

                /// <summary>Points, generic over an aliased type.</summary>
                public partial List<lib::Lib.Point>? Points { get; set; }

                /// <summary>A nested aliased type.</summary>
                public partial lib::Lib.Point.Axis Axis { get; set; }

                /// <summary>Immutable record state of an aliased type, compared and printed by the record members.</summary>
                public lib::Lib.Point Where { get; init; }
            }
            """)], "App", [libraryReference]);
        GeneratorOutcome outcome = GeneratorHarness.Run(input);

        Assert.True(outcome.OutputProblems.Count == 0, outcome.Describe(outcome.OutputProblems));
        string generated = outcome.Sources.Single().SourceText.ToString();
        Assert.Contains("extern alias lib;", generated, StringComparison.Ordinal);
        Assert.Contains("lib::Lib.Money?", generated, StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.List<lib::Lib.Point>?", generated, StringComparison.Ordinal);
        Assert.Contains("lib::Lib.Point.Axis", generated, StringComparison.Ordinal);
        Assert.Contains("global::Stm.Internal.Barrier", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_list_that_includes_global_keeps_global_names()
    {
        CSharpCompilation input = WithAliases(GeneratorHarness.CreateCompilation([("App.cs", """
            using Stm;

            /// <summary>A box.</summary>
            [Transactional]
            public partial class Box
            {
                /// <summary>The value.</summary>
                public partial int Value { get; set; }
            }
            """)]), RuntimeReference, "stm", "global");
        GeneratorOutcome outcome = GeneratorHarness.Run(input);

        Assert.True(outcome.OutputProblems.Count == 0, outcome.Describe(outcome.OutputProblems));
        string generated = outcome.Sources.Single().SourceText.ToString();
        Assert.DoesNotContain("extern alias", generated, StringComparison.Ordinal);
        Assert.Contains("global::Stm.Internal.Barrier", generated, StringComparison.Ordinal);
    }

    private static MetadataReference RuntimeReference =>
        GeneratorHarness.References.Single(r => Path.GetFileName(r.Display) == "Stm.Runtime.dll");

    private static CSharpCompilation WithAliases(CSharpCompilation compilation, MetadataReference reference, params string[] aliases) =>
        compilation.ReplaceReference(reference, reference.WithAliases(aliases));
}
