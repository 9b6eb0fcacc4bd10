using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>
/// Malformed and unusual inputs (<c>Corpus/*.cs</c>): the generator never throws, never reports diagnostics, and
/// never makes the compilation worse. Whatever errors remain are the user's own; none is in a generated file.
/// The first line of each file says how many files the generator must produce (<c>any</c> for broken syntax).
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(CorpusRoot(), "*.cs").Order(System.StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_cases() => Assert.True(Directory.EnumerateFiles(CorpusRoot(), "*.cs").Count() >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_never_crashes_the_generator_nor_yields_broken_code(string fileName)
    {
        string source = File.ReadAllText(Path.Combine(CorpusRoot(), fileName));
        GeneratorOutcome outcome = GeneratorHarness.Run((fileName, source));

        AssertHarmless(outcome);
        string expectation = source.Split('\n')[0].Replace("// expect-files:", "", System.StringComparison.Ordinal).Trim();
        if (expectation != "any")
        {
            Assert.True(
                int.Parse(expectation, CultureInfo.InvariantCulture) == outcome.Sources.Count(),
                $"expected {expectation} generated files, got {outcome.Sources.Count()}: {string.Join(", ", outcome.Sources.Select(s => s.HintName))}");
        }
    }

    [Fact]
    public void A_class_with_500_properties_compiles_cleanly()
    {
        var source = new StringBuilder("using Stm;\nnamespace Big;\n/// <summary>Big.</summary>\n[Transactional]\npublic partial class Huge\n{\n");
        for (int i = 0; i < 500; i++)
        {
            string type = (i % 4) switch { 0 => "int", 1 => "string?", 2 => "double", _ => "global::System.Collections.Generic.List<int>?" };
            source.Append(CultureInfo.InvariantCulture, $"    /// <summary>P.</summary>\n    public partial {type} P{i} {{ get; set; }}\n");
        }

        source.Append("}\n");
        GeneratorOutcome outcome = GeneratorHarness.Run(("Huge.cs", source.ToString()));

        AssertHarmless(outcome);
        Assert.Empty(outcome.OutputProblems);
        string text = outcome.Sources.Single().SourceText.ToString();
        Assert.Equal(500, text.Split("TransactionalProperty.Register(").Length - 1);
    }

    [Fact]
    public void Five_hundred_classes_get_five_hundred_distinct_files()
    {
        var source = new StringBuilder("using Stm;\n");
        for (int i = 0; i < 500; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"namespace N{i % 7} {{ /// <summary>C.</summary>\n[Transactional] public partial class C{i} {{ /// <summary>P.</summary>\npublic partial int P {{ get; set; }} }} }}\n");
        }

        GeneratorOutcome outcome = GeneratorHarness.Run(("Many.cs", source.ToString()));

        AssertHarmless(outcome);
        Assert.Empty(outcome.OutputProblems);
        Assert.Equal(500, outcome.Sources.Select(s => s.HintName).Distinct().Count());
    }

    [Fact]
    public void A_class_nested_in_the_Program_of_top_level_statements_is_implemented()
    {
        // The Program class of top-level statements is declared by the compilation unit, without a 'partial'
        // modifier; partial declarations of Program combine with it, and so does the generated part.
        CSharpCompilation input = GeneratorHarness.CreateCompilation([("Program.cs", """
            var box = new Program.Box { Value = 2 };
            Stm.Atomic.Run(() => box.Value++);
            System.Console.WriteLine(box.Value);

            /// <summary>The program.</summary>
            public partial class Program
            {
                /// <summary>A box.</summary>
                [Stm.Transactional]
                public partial class Box
                {
                    /// <summary>The value.</summary>
                    public partial int Value { get; set; }
                }
            }
            """)]);
        GeneratorOutcome outcome = GeneratorHarness.Run(input.WithOptions(input.Options.WithOutputKind(OutputKind.ConsoleApplication)));

        AssertHarmless(outcome);
        Assert.Single(outcome.Sources);
        Assert.Empty(outcome.OutputProblems);
    }

    [Fact]
    public void Below_CSharp_13_nothing_is_generated()
    {
        // Partial properties need C# 13: the user's declarations carry CS8703 already, and an implementation
        // repeated it inside the generated file.
        var options = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        CSharpCompilation input = GeneratorHarness.CreateCompilation([]).AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("[Stm.Transactional] public partial class C { public partial int P { get; set; } }", options, "Old.cs"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new TransactionalGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);

        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS8703");
    }

    [Fact]
    public void Every_runtime_type_the_generated_code_names_is_one_a_project_type_may_not_hide()
    {
        // The shared check (TransactionalChecks.ShadowsGeneratedName) lists the Stm.Internal types by hand; a type the
        // emitter starts to name without joining that list would bind to a project's namesake and break the file.
        GeneratorOutcome sample = GeneratorHarness.Run(("Sample.cs", """
            [Stm.Transactional] public partial record Sample { public partial int P { get; set; } }
            """));
        string[] named = System.Text.RegularExpressions.Regex.Matches(sample.Sources.Single().SourceText.ToString(), @"global::Stm\.Internal\.(\w+)")
            .Select(match => match.Groups[1].Value).Distinct().Order(System.StringComparer.Ordinal).ToArray();
        Assert.Contains("Barrier", named);

        foreach (string name in named)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(("Hides.cs", $$"""
                namespace Stm.Internal { public class {{name}} { } }
                [Stm.Transactional] public partial class C { public partial int P { get; set; } }
                """));

            AssertHarmless(outcome);
            Assert.True(!outcome.Sources.Any(), $"a project type Stm.Internal.{name} still got a generated file");
        }
    }

    [Fact]
    public void Every_namespace_the_generated_code_names_is_one_a_project_type_may_not_hide()
    {
        // A type whose full name is a namespace the generated code names through global:: (a class Internal in Stm, a
        // class Text in System) wins over that namespace, and the generated file breaks (CS0426 and more). The shared
        // check lists those namespaces by hand; this finds them in the code generated for features that name the most.
        GeneratorOutcome sample = GeneratorHarness.Run(("Sample.cs", """
            #nullable enable
            [Stm.Transactional] public partial record Sample
            {
                public required partial string Name { get; set; }
                public partial int P { get; set; }
            }
            """));
        Assert.Empty(sample.ProblemsInGeneratedCode);
        var namespaces = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (GeneratedSourceResult source in sample.Sources)
        {
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(source.SourceText.ToString(), @"global::([\w.]+)"))
            {
                string[] parts = match.Groups[1].Value.Split('.');
                for (int length = 1; length < parts.Length; length++)
                {
                    string prefix = string.Join(".", parts.Take(length));
                    if (prefix != "Stm" && IsNamespace(sample.Output, parts.Take(length)))
                    {
                        namespaces.Add(prefix);
                    }
                }
            }
        }

        Assert.Contains("Stm.Internal", namespaces);
        Assert.Contains("System.Text", namespaces);
        foreach (string name in namespaces)
        {
            int dot = name.LastIndexOf('.');
            string declaration = dot < 0
                ? $"public class {name} {{ }}"
                : $"namespace {name.Substring(0, dot)} {{ public class {name.Substring(dot + 1)} {{ }} }}";
            GeneratorOutcome outcome = GeneratorHarness.Run(("Hides.cs", declaration + """

                namespace App { [Stm.Transactional] public partial class C { public partial int P { get; set; } } }
                """));

            AssertHarmless(outcome);
            Assert.True(!outcome.Sources.Any(), $"a project type {name} still got a generated file");
        }

        static bool IsNamespace(Compilation compilation, IEnumerable<string> path)
        {
            INamespaceSymbol current = compilation.GlobalNamespace;
            foreach (string part in path)
            {
                INamespaceSymbol? next = current.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
                if (next is null)
                {
                    return false;
                }

                current = next;
            }

            return true;
        }
    }

    private static void AssertHarmless(GeneratorOutcome outcome)
    {
        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Result.Diagnostics);
        Assert.True(outcome.ProblemsInGeneratedCode.Count == 0, "errors in generated code:\n" + outcome.Describe(outcome.ProblemsInGeneratedCode));
        Assert.True(outcome.NewProblems.Count == 0, "the generated code added errors:\n" + outcome.Describe(outcome.NewProblems));
    }

    private static string CorpusRoot() => TestPaths.Corpus;
}
