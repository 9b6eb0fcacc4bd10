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

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// STM0002, two fixes: turn the field or auto property into a partial property (the generator then tracks it), or make it
/// immutable (<c>readonly</c> field, <c>init</c> accessor).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrackMutableMemberCodeFix)), Shared]
public sealed class TrackMutableMemberCodeFix : DocumentFixProvider
{
    public const string PartialPropertyKey = "STM0002.PartialProperty";
    public const string ImmutableKey = "STM0002.Immutable";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UntrackedMutableMember);

    protected override IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        SyntaxNode? member = FindMember(root, diagnostic);
        switch (member)
        {
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } declaration } declarator:
                // A partial property has no initializer, and one declaration cannot become two properties.
                if (declarator.Initializer is null && declaration.Variables.Count == 1 && !field.Modifiers.Any(SyntaxKind.VolatileKeyword))
                {
                    yield return new FixKind("Make it a transactional partial property", PartialPropertyKey);
                }

                yield return new FixKind("Make it readonly", ImmutableKey);
                break;
            case PropertyDeclarationSyntax property when property.AccessorList is not null:
                if (property.Initializer is null)
                {
                    yield return new FixKind("Make it a transactional partial property", PartialPropertyKey);
                }

                yield return new FixKind("Make it init-only", ImmutableKey);
                break;
        }
    }

    protected override void Apply(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, HashSet<SyntaxNode> fixState, CancellationToken cancellationToken)
    {
        switch (FindMember(editor.OriginalRoot, diagnostic))
        {
            case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } declarator when fixState.Add(field):
                editor.ReplaceNode(field, (current, _) => equivalenceKey == PartialPropertyKey
                    ? ToPartialProperty((FieldDeclarationSyntax)current)
                    : AddReadonly((FieldDeclarationSyntax)current));
                break;
            case PropertyDeclarationSyntax property when fixState.Add(property):
                editor.ReplaceNode(property, (current, _) => equivalenceKey == PartialPropertyKey
                    ? AddPartial((PropertyDeclarationSyntax)current)
                    : SetToInit((PropertyDeclarationSyntax)current));
                break;
        }
    }

    private static SyntaxNode? FindMember(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;

    private static PropertyDeclarationSyntax ToPartialProperty(FieldDeclarationSyntax field)
    {
        VariableDeclaratorSyntax variable = field.Declaration.Variables[0];
        TypeSyntax type = field.Declaration.Type;
        SyntaxTokenList modifiers = SyntaxHelpers.AddModifier(field.Modifiers, SyntaxKind.PartialKeyword, ref type);
        AccessorListSyntax accessors = SyntaxFactory.AccessorList(SyntaxFactory.List(new[]
            {
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
                SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
            }))
            .NormalizeWhitespace()
            .WithLeadingTrivia(SyntaxFactory.Space)
            .WithTrailingTrivia(field.SemicolonToken.TrailingTrivia);
        return SyntaxFactory.PropertyDeclaration(field.AttributeLists, modifiers, type, null, variable.Identifier.WithTrailingTrivia(SyntaxTriviaList.Empty), accessors)
            .WithLeadingTrivia(field.GetLeadingTrivia());
    }

    private static FieldDeclarationSyntax AddReadonly(FieldDeclarationSyntax field)
    {
        TypeSyntax type = field.Declaration.Type;
        SyntaxTokenList modifiers = SyntaxHelpers.AddModifier(field.Modifiers, SyntaxKind.ReadOnlyKeyword, ref type);
        return field.WithModifiers(modifiers).WithDeclaration(field.Declaration.WithType(type));
    }

    private static PropertyDeclarationSyntax AddPartial(PropertyDeclarationSyntax property)
    {
        TypeSyntax type = property.Type;
        SyntaxTokenList modifiers = SyntaxHelpers.AddModifier(property.Modifiers, SyntaxKind.PartialKeyword, ref type);
        return property.WithModifiers(modifiers).WithType(type);
    }

    internal static PropertyDeclarationSyntax SetToInit(PropertyDeclarationSyntax property)
    {
        AccessorDeclarationSyntax? setter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.SetAccessorDeclaration));
        if (setter is null)
        {
            return property;
        }

        AccessorDeclarationSyntax init = SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration, setter.AttributeLists, setter.Modifiers,
                SyntaxFactory.Token(setter.Keyword.LeadingTrivia, SyntaxKind.InitKeyword, setter.Keyword.TrailingTrivia), setter.Body, setter.ExpressionBody, setter.SemicolonToken);
        return property.ReplaceNode(setter, init);
    }
}
