using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Stm.Generator.Model;
using Stm.Shared;

namespace Stm.Generator;

/// <summary>
/// Implements the partial properties of every <c>[Transactional]</c> partial class with calls into the
/// Stm runtime's read and write barriers (one generated file per class). Input the checks in
/// <c>Stm.Shared</c> reject produces no output; the analyzers explain why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class TransactionalGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Symbols are turned into a plain model at once, so later steps compare by value and cache.
        IncrementalValuesProvider<TransactionalTypeSpec> types = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TransactionalChecks.TransactionalAttributeMetadataName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax,
                transform: static (context, cancellationToken) => Parser.Parse(context, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(StepNames.TransactionalTypes);

        // Hint names are compared case-insensitively by Roslyn, C# names are not: two types whose names differ
        // only in case need a suffix. The set is almost always empty, so it rarely invalidates anything.
        IncrementalValueProvider<EquatableArray<string>> collisions = types
            .Select(static (spec, _) => spec.HintNameBase)
            .Collect()
            .Select(static (names, _) => FindCaseCollisions(names))
            .WithTrackingName(StepNames.HintNameCollisions);

        IncrementalValuesProvider<GeneratedFile> files = types
            .Combine(collisions)
            .Select(static (pair, _) => Emitter.Emit(pair.Left, pair.Right))
            .WithTrackingName(StepNames.Emit);

        context.RegisterSourceOutput(files, static (context, file) => context.AddSource(file.HintName, file.Text));
    }

    private static EquatableArray<string> FindCaseCollisions(ImmutableArray<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            seen[name] = seen.TryGetValue(name, out int count) ? count + 1 : 1;
        }

        var colliding = new List<string>();
        foreach (string name in names)
        {
            if (seen[name] > 1)
            {
                colliding.Add(name);
            }
        }

        colliding.Sort(StringComparer.Ordinal);
        return new EquatableArray<string>(colliding.ToArray());
    }
}
