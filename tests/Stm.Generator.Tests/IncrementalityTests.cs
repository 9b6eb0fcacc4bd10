using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Stm.Generator.Tests;

/// <summary>The pipeline caches: edits that do not change a model re-emit nothing; a model holds no symbols or syntax.</summary>
public class IncrementalityTests
{
    private const string AccountSource = """
        using Stm;

        namespace Bank;

        /// <summary>Account.</summary>
        [Transactional]
        public partial class Account
        {
            /// <summary>Balance.</summary>
            public partial long Balance { get; set; }

            /// <summary>Deposits.</summary>
            public void Deposit(long amount)
            {
                Balance += amount;
            }
        }
        """;

    private const string LedgerSource = """
        using Stm;

        namespace Bank;

        /// <summary>Ledger.</summary>
        [Transactional]
        public partial class Ledger
        {
            /// <summary>Entries.</summary>
            public partial int Entries { get; set; }
        }
        """;

    private const string UnrelatedSource = """
        namespace Bank;

        /// <summary>Unrelated.</summary>
        public static class Helpers
        {
            /// <summary>Twice.</summary>
            public static int Twice(int x) => x * 2;
        }
        """;

    [Fact]
    public void An_edit_to_an_unrelated_file_re_emits_nothing()
    {
        GeneratorRunResult result = RunTwice(
            "Helpers.cs",
            UnrelatedSource.Replace("x * 2", "x + x", StringComparison.Ordinal));

        AssertAllCached(result, StepNames.Emit);
        AssertAllCached(result, StepNames.TransactionalTypes);
    }

    [Fact]
    public void An_edit_to_a_method_body_of_the_transactional_class_re_emits_nothing()
    {
        GeneratorRunResult result = RunTwice(
            "Account.cs",
            AccountSource.Replace("Balance += amount;", "Balance = Balance + amount + 0;", StringComparison.Ordinal));

        AssertAllCached(result, StepNames.Emit);
    }

    [Fact]
    public void Adding_a_property_re_emits_only_that_type()
    {
        GeneratorRunResult result = RunTwice(
            "Account.cs",
            AccountSource.Replace(
                "/// <summary>Deposits.</summary>",
                "/// <summary>Owner.</summary>\n    public partial string? Owner { get; set; }\n\n    /// <summary>Deposits.</summary>",
                StringComparison.Ordinal));

        var outputs = result.TrackedSteps[StepNames.Emit].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, outputs.Count);
        var modified = outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        Assert.Single(modified);
        Assert.Contains("Owner", ((Model.GeneratedFile)modified[0].Value).Text, StringComparison.Ordinal);
        Assert.Equal("Bank.Account.g.cs", ((Model.GeneratedFile)modified[0].Value).HintName);
        Assert.All(outputs.Except(modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void The_model_holds_no_symbols_syntax_locations_or_compilations()
    {
        GeneratorRunResult result = RunTwice("Helpers.cs", UnrelatedSource);
        var models = result.TrackedSteps[StepNames.TransactionalTypes].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(models);
        foreach (object model in models)
        {
            Walk(model, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }

        // The models are the real thing: the property list made it through.
        Assert.Contains(models, m => ((Model.TransactionalTypeSpec)m).Properties.Any(p => p.Name == "Balance"));
    }

    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxToken), typeof(SyntaxReference), typeof(AttributeData)];

    private static void Walk(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type}");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                Walk(item, seen, $"{path}[{i++}]");
            }
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Assert.False(Forbidden.Any(f => f.IsAssignableFrom(field.FieldType)), $"{path}.{field.Name} is declared as {field.FieldType}");
                Walk(field.GetValue(value), seen, path + "." + field.Name);
            }
        }
    }

    private static GeneratorRunResult RunTwice(string editedPath, string editedSource)
    {
        CSharpCompilation first = GeneratorHarness.CreateCompilation(
            [("Account.cs", AccountSource), ("Ledger.cs", LedgerSource), ("Helpers.cs", UnrelatedSource)]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(first);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);

        SyntaxTree old = first.SyntaxTrees.Single(t => t.FilePath == editedPath);
        CSharpCompilation second = first.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(editedSource, GeneratorHarness.ParseOptions, editedPath));
        driver = driver.RunGenerators(second);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static void AssertAllCached(GeneratorRunResult result, string step)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{step} output was {o.Reason}"));
    }
}
