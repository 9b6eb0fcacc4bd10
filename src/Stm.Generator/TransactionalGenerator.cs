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
        // only in case need a suffix; two distinct types of exactly one name (invalid code) get no file at all.
        IncrementalValueProvider<HintNameConflicts> conflicts = types
            .Select(static (spec, _) => spec.HintNameBase)
            .Collect()
            .Select(static (names, _) => FindConflicts(names))
            .WithTrackingName(StepNames.HintNameCollisions);

        IncrementalValuesProvider<GeneratedFile> files = types
            .Combine(conflicts)
            .Where(static pair => !pair.Right.IsDuplicate(pair.Left.HintNameBase))
            .Select(static (pair, _) => Emitter.Emit(pair.Left, pair.Right.CaseCollisions))
            .WithTrackingName(StepNames.Emit);

        context.RegisterSourceOutput(files, static (context, file) => context.AddSource(file.HintName, file.Text));
    }

    private static HintNameConflicts FindConflicts(ImmutableArray<string> names)
    {
        var ignoringCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            ignoringCase[name] = ignoringCase.TryGetValue(name, out int count) ? count + 1 : 1;
            exact[name] = exact.TryGetValue(name, out count) ? count + 1 : 1;
        }

        var caseCollisions = new SortedSet<string>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (exact[name] > 1)
            {
                duplicates.Add(name);
            }
            else if (ignoringCase[name] > 1)
            {
                caseCollisions.Add(name);
            }
        }

        return new HintNameConflicts(new EquatableArray<string>([.. caseCollisions]), new EquatableArray<string>([.. duplicates]));
    }
}
