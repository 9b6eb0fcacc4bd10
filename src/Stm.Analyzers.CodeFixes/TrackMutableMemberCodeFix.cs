using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// STM0002, two fixes: turn the field or auto property into a partial property (the generator then tracks it), or make it
/// immutable (<c>readonly</c> field, <c>init</c> accessor). Each is offered only where its result compiles and means
/// what the code meant (the fixes must never turn compiling code into broken code); otherwise the diagnostic stays,
/// and its message says what to do.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrackMutableMemberCodeFix)), Shared]
public sealed class TrackMutableMemberCodeFix : DocumentFixProvider
{
    public const string PartialPropertyKey = "STM0002.PartialProperty";
    public const string ImmutableKey = "STM0002.Immutable";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UntrackedMutableMember);

    /// <summary>The fixes the declaration allows; <see cref="GetFixesAsync"/> then checks how the solution uses the member.</summary>
    protected override IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        switch (FindMember(root, diagnostic))
        {
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } declarator
                when model?.GetDeclaredSymbol(declarator) is IFieldSymbol symbol:
                if (TrackMutableMemberChecks.CanBecomePartialProperty(field, declarator, symbol))
                {
                    yield return new FixKind("Make it a transactional partial property", PartialPropertyKey);
                }

                if (TrackMutableMemberChecks.CanBecomeReadOnly(symbol))
                {
                    yield return new FixKind("Make it readonly", ImmutableKey);
                }

                break;
            case PropertyDeclarationSyntax { AccessorList: not null } property
                when model?.GetDeclaredSymbol(property) is IPropertySymbol symbol:
                if (TrackMutableMemberChecks.CanBecomePartialProperty(property, symbol))
                {
                    yield return new FixKind("Make it a transactional partial property", PartialPropertyKey);
                }

                if (TrackMutableMemberChecks.CanBecomeInitOnly(property, symbol, model.Compilation))
                {
                    yield return new FixKind("Make it init-only", ImmutableKey);
                }

                break;
        }
    }

    /// <summary>
    /// Drops the fixes that some use of the member elsewhere would not survive: a write outside construction (readonly,
    /// init), a reference to its storage (ref, out, in, &amp;: a property has none), a struct value changed in place.
    /// </summary>
    protected override async Task<IEnumerable<FixKind>> GetFixesAsync(Document document, SyntaxNode root, SemanticModel? model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        List<FixKind> fixes = GetFixes(root, model, diagnostic).ToList();
        SyntaxNode? node = FindMember(root, diagnostic);
        ISymbol? member = node is not null ? model?.GetDeclaredSymbol(node, cancellationToken) : null;

        // An auto property turned partial keeps every use as it is: only the other fixes need the search.
        if (model is null || member is null || !fixes.Exists(fix => member is IFieldSymbol || fix.EquivalenceKey == ImmutableKey))
        {
            return fixes;
        }

        // 'readonly' goes on the declaration, so in 'int A, B;' it makes every variable readonly: all of them must allow
        // it. (The partial-property fix is only offered for a declaration of one variable.)
        var uses = new List<MemberUse>();
        IEnumerable<SyntaxNode> changedNodes = node is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } ? declaration.Variables : [node!];
        foreach (SyntaxNode changed in changedNodes)
        {
            if (model.GetDeclaredSymbol(changed, cancellationToken) is { } symbol)
            {
                uses.AddRange(await MemberUses.FindAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false));
            }
        }

        return fixes.FindAll(fix => (member, fix.EquivalenceKey) switch
        {
            (IFieldSymbol, PartialPropertyKey) => uses.TrueForAll(TrackMutableMemberChecks.SurvivesPropertyConversion),
            (IFieldSymbol, _) => uses.TrueForAll(TrackMutableMemberChecks.SurvivesReadOnly),
            (_, ImmutableKey) => uses.TrueForAll(TrackMutableMemberChecks.SurvivesInitOnly),
            _ => true,
        });
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
