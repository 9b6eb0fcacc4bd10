using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>
/// What the user writes on a partial property's declaration stays in charge once the generator implements it: its
/// documentation comment (the compiler takes a partial member's comment from the implementation if it has one), and its
/// nullable-analysis attributes (which the compiler applies to an auto property's backing field, but not to the generated
/// members).
/// </summary>
public sealed class DeclarationAttributesTests
{
    [Fact]
    public void The_documentation_comment_on_the_declaration_is_the_propertys_and_a_missing_one_is_reported_there()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(("Account.cs", """
            namespace Docs;
            /// <summary>An account.</summary>
            [Stm.Transactional]
            public partial class Account
            {
                /// <summary>The balance, in cents.</summary>
                public partial long Balance { get; set; }

                public partial long Undocumented { get; set; }
            }
            """));

        Assert.Empty(outcome.ProblemsInGeneratedCode);
        INamedTypeSymbol account = outcome.Output.GetTypeByMetadataName("Docs.Account")!;
        string? balanceDocs = account.GetMembers("Balance").Single().GetDocumentationCommentXml();
        Assert.Contains("The balance, in cents.", balanceDocs);
        Assert.DoesNotContain("inheritdoc", balanceDocs);

        // As on an auto property: the missing comment is the user's, reported on their declaration.
        Diagnostic missing = Assert.Single(outcome.OutputProblems, d => d.Id == "CS1591");
        Assert.Equal("Account.cs", missing.Location.SourceTree!.FilePath);
        Assert.Contains("Account.Undocumented", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Nullable_analysis_attributes_leave_the_generated_code_clean_and_still_apply_to_the_users_code()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(("Attrs.cs", """
            using System.Diagnostics.CodeAnalysis;
            namespace Attrs;
            /// <summary>Attributed.</summary>
            [Stm.Transactional]
            public partial class Attributed<T>
            {
                /// <summary>A.</summary>
                [AllowNull] public partial string Name { get; set; }
                /// <summary>B.</summary>
                [AllowNull] public partial T Allow { get; set; }
                /// <summary>C.</summary>
                [NotNull] public partial string? Never { get; set; }
                /// <summary>D.</summary>
                [MaybeNull] public partial string Maybe { get; set; }
                /// <summary>E.</summary>
                [DisallowNull] public partial string? Disallowed { get; set; }
                /// <summary>F.</summary>
                public partial string? Plain { [return: NotNull] get; set; }

                /// <summary>Uses them.</summary>
                public Attributed() { Name = null; Allow = default; Never = ""; Maybe = ""; }

                /// <summary>Uses them.</summary>
                public int Use()
                {
                    Name = null; // [AllowNull]: no CS8625
                    string never = Never; // [NotNull]: no CS8600
                    return never.Length + Name.Length;
                }
            }

            /// <summary>A record.</summary>
            [Stm.Transactional]
            public partial record class Tagged
            {
                /// <summary>A.</summary>
                [AllowNull] public partial string Tag { get; set; }
            }
            """));

        Assert.True(outcome.OutputProblems.Count == 0, outcome.Describe(outcome.OutputProblems));
        Assert.Contains("#nullable disable warnings", outcome.Sources.First().SourceText.ToString());

        // The attributes keep working on the user's side: [MaybeNull] still makes a read maybe-null.
        GeneratorOutcome misuse = GeneratorHarness.Run(("Misuse.cs", """
            using System.Diagnostics.CodeAnalysis;
            namespace Attrs;
            /// <summary>Attributed.</summary>
            [Stm.Transactional]
            public partial class Attributed
            {
                /// <summary>D.</summary>
                [MaybeNull] public partial string Maybe { get; set; }

                /// <summary>Uses it.</summary>
                public int Use() => Maybe.Length;
            }
            """));

        Assert.Empty(misuse.ProblemsInGeneratedCode);
        Assert.Contains(misuse.OutputProblems, d => d.Id == "CS8602" && d.Location.SourceTree!.FilePath == "Misuse.cs");
    }
}
