using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Stm.Analyzers.Rules;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// STM0005: a transactional property only assigned during construction becomes a plain immutable auto property:
/// <c>partial</c> goes, and <c>set</c> becomes <c>init</c> (object initializers assign it) or disappears (only constructors do).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePropertyImmutableCodeFix)), Shared]
public sealed class MakePropertyImmutableCodeFix : DocumentFixProvider
{
    public const string EquivalenceKey = "STM0005.MakeImmutable";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AssignedOnlyDuringConstruction);

    protected override IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        if (FindProperty(root, diagnostic) is { AccessorList: not null })
        {
            string title = GetAccessor(diagnostic) == "init" ? "Make it a plain init-only property" : "Make it a plain get-only property";
            yield return new FixKind(title, EquivalenceKey);
        }
    }

    protected override void Apply(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, HashSet<SyntaxNode> fixState, CancellationToken cancellationToken)
    {
        PropertyDeclarationSyntax? property = FindProperty(editor.OriginalRoot, diagnostic);
        if (property is null || !fixState.Add(property))
        {
            return;
        }

        string accessor = GetAccessor(diagnostic);
        editor.ReplaceNode(property, (current, _) =>
        {
            var declaration = (PropertyDeclarationSyntax)current;
            TypeSyntax type = declaration.Type;
            SyntaxTokenList modifiers = SyntaxHelpers.RemoveModifier(declaration.Modifiers, SyntaxKind.PartialKeyword, ref type);
            declaration = declaration.WithModifiers(modifiers).WithType(type);
            if (accessor == "init")
            {
                return TrackMutableMemberCodeFix.SetToInit(declaration);
            }

            AccessorDeclarationSyntax? setter = declaration.AccessorList!.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.SetAccessorDeclaration));
            return setter is null ? declaration : declaration.RemoveNode(setter, SyntaxRemoveOptions.KeepNoTrivia)!;
        });
    }

    private static string GetAccessor(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AssignedOnlyDuringConstructionAnalyzer.AccessorProperty, out string? accessor) && accessor is not null ? accessor : "get";

    private static PropertyDeclarationSyntax? FindProperty(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as PropertyDeclarationSyntax;
}
