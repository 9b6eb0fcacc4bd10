using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Stm.Analyzers.Rules;

namespace Stm.Analyzers.CodeFixes;

/// <summary>STM0001: adds <c>partial</c> to the <c>[Transactional]</c> class and to any containing type that lacks it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeClassPartialCodeFix)), Shared]
public sealed class MakeClassPartialCodeFix : DocumentFixProvider
{
    public const string EquivalenceKey = "STM0001.AddPartial";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.NotAPartialClass);

    protected override IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        // Only the two "not partial" statuses are fixed by adding the modifier; a static class or a property shape is not.
        if (diagnostic.Properties.TryGetValue(NotAPartialClassAnalyzer.StatusProperty, out string? status)
            && status is "NotPartial" or "ContainingTypeNotPartial"
            && FindType(root, diagnostic) is not null)
        {
            yield return new FixKind("Add 'partial'", EquivalenceKey);
        }
    }

    protected override void Apply(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, HashSet<SyntaxNode> fixState, CancellationToken cancellationToken)
    {
        for (TypeDeclarationSyntax? type = FindType(editor.OriginalRoot, diagnostic); type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword) && fixState.Add(type))
            {
                editor.ReplaceNode(type, (current, _) => AddPartial((TypeDeclarationSyntax)current));
            }
        }
    }

    private static TypeDeclarationSyntax? FindType(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax;

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        SyntaxToken keyword = type.Keyword;
        SyntaxTokenList modifiers = SyntaxHelpers.AddModifier(type.Modifiers, SyntaxKind.PartialKeyword, ref keyword);
        return type.WithKeyword(keyword).WithModifiers(modifiers);
    }
}
