using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.CodeFixes;

/// <summary>Small syntax edits the fixes share, written to keep the user's trivia (comments, blank lines, indentation).</summary>
internal static class SyntaxHelpers
{
    /// <summary>Appends a modifier after the existing ones (or moves the declaration's leading trivia onto it when there are none).</summary>
    public static SyntaxTokenList AddModifier(SyntaxTokenList modifiers, SyntaxKind kind, ref SyntaxToken firstTokenAfterModifiers)
    {
        if (modifiers.Count == 0)
        {
            SyntaxToken added = SyntaxFactory.Token(firstTokenAfterModifiers.LeadingTrivia, kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            firstTokenAfterModifiers = firstTokenAfterModifiers.WithLeadingTrivia(SyntaxTriviaList.Empty);
            return SyntaxFactory.TokenList(added);
        }

        return modifiers.Add(SyntaxFactory.Token(kind).WithTrailingTrivia(SyntaxFactory.Space));
    }

    /// <summary>Like <see cref="AddModifier(SyntaxTokenList, SyntaxKind, ref SyntaxToken)"/> when a node (the type) follows the modifiers.</summary>
    public static SyntaxTokenList AddModifier<TNode>(SyntaxTokenList modifiers, SyntaxKind kind, ref TNode firstNodeAfterModifiers)
        where TNode : SyntaxNode
    {
        SyntaxToken first = firstNodeAfterModifiers.GetFirstToken();
        SyntaxToken moved = first;
        SyntaxTokenList result = AddModifier(modifiers, kind, ref moved);
        if (moved != first)
        {
            firstNodeAfterModifiers = firstNodeAfterModifiers.ReplaceToken(first, moved);
        }

        return result;
    }

    /// <summary>Like <see cref="RemoveModifier(SyntaxTokenList, SyntaxKind, ref SyntaxToken)"/> when a node (the type) follows the modifiers.</summary>
    public static SyntaxTokenList RemoveModifier<TNode>(SyntaxTokenList modifiers, SyntaxKind kind, ref TNode firstNodeAfterModifiers)
        where TNode : SyntaxNode
    {
        SyntaxToken first = firstNodeAfterModifiers.GetFirstToken();
        SyntaxToken moved = first;
        SyntaxTokenList result = RemoveModifier(modifiers, kind, ref moved);
        if (moved != first)
        {
            firstNodeAfterModifiers = firstNodeAfterModifiers.ReplaceToken(first, moved);
        }

        return result;
    }

    /// <summary>Removes a modifier; its leading trivia (indentation, comments) moves to whatever follows it.</summary>
    public static SyntaxTokenList RemoveModifier(SyntaxTokenList modifiers, SyntaxKind kind, ref SyntaxToken firstTokenAfterModifiers)
    {
        int index = modifiers.IndexOf(kind);
        if (index < 0)
        {
            return modifiers;
        }

        SyntaxTriviaList leading = modifiers[index].LeadingTrivia;
        SyntaxTokenList result = modifiers.RemoveAt(index);
        if (index < result.Count)
        {
            result = result.Replace(result[index], result[index].WithLeadingTrivia(leading.AddRange(result[index].LeadingTrivia)));
        }
        else
        {
            firstTokenAfterModifiers = firstTokenAfterModifiers.WithLeadingTrivia(leading.AddRange(firstTokenAfterModifiers.LeadingTrivia));
        }

        return result;
    }

    /// <summary>
    /// How to write <c>Stm.Atomic</c> at <paramref name="position"/>: <c>Atomic</c> when that name binds to it there,
    /// else <c>Stm.Atomic</c> when <c>Stm</c> binds to the namespace, else <c>global::Stm.Atomic</c>; or, when the
    /// project references Stm.Runtime under extern aliases only (which <c>global::</c> does not reach),
    /// <c>alias::Stm.Atomic</c> through an <c>extern alias</c> the file declares in scope. <see langword="null"/> when
    /// nothing written there can name it (then no fix is offered).
    /// </summary>
    /// <remarks>
    /// Decided here rather than by <c>Simplifier.Annotation</c>: the Roslyn simplifier throws (KeyNotFoundException,
    /// "Syntax tree not found") on a name inside a static local function <c>Main</c> returning a task in top-level
    /// statements, because its speculative model checks that function's entry point signature against a tree the
    /// compilation does not hold. Plain lookups on the document's own semantic model do not speculate.
    /// </remarks>
    public static NameSyntax? AtomicTypeName(SemanticModel model, int position)
    {
        if (BindsOnlyTo(model, position, "Atomic", symbol => symbol is INamedTypeSymbol { ContainingType: null } type && IsStmNamespace(type.ContainingNamespace)))
        {
            return SyntaxFactory.IdentifierName("Atomic");
        }

        if (BindsOnlyTo(model, position, "Stm", IsStmNamespace))
        {
            return SyntaxFactory.ParseName("Stm.Atomic");
        }

        return RuntimeRoot(model, position) is { } root ? SyntaxFactory.ParseName(root + "::Stm.Atomic") : null;
    }

    /// <summary>
    /// <c>global</c> when Stm.Runtime is reachable from the global namespace; else an extern alias of its reference that
    /// the file declares around <paramref name="position"/>; else <see langword="null"/>.
    /// </summary>
    private static string? RuntimeRoot(SemanticModel model, int position)
    {
        if (StmSymbols.FindAtomic(model.Compilation) is not { } atomic)
        {
            return null;
        }

        ImmutableArray<string> aliases = ExternAliases.Only(model.Compilation, atomic.ContainingAssembly);
        if (aliases.IsEmpty)
        {
            return ExternAliases.Global;
        }

        for (SyntaxNode? node = model.SyntaxTree.GetRoot().FindToken(position).Parent; node is not null; node = node.Parent)
        {
            SyntaxList<ExternAliasDirectiveSyntax> externs = node switch
            {
                CompilationUnitSyntax unit => unit.Externs,
                BaseNamespaceDeclarationSyntax declaration => declaration.Externs,
                _ => default,
            };
            foreach (ExternAliasDirectiveSyntax directive in externs)
            {
                if (aliases.Contains(directive.Identifier.ValueText))
                {
                    return directive.Identifier.ValueText;
                }
            }
        }

        return null;
    }

    /// <summary><c>{atomic}.{member}(() => body)</c>, <paramref name="atomic"/> from <see cref="AtomicTypeName"/>.</summary>
    public static InvocationExpressionSyntax CallWithLambda(NameSyntax atomic, string member, ExpressionSyntax body) =>
        SyntaxFactory.InvocationExpression(
            AtomicMember(atomic, member),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(), body.WithoutLeadingTrivia().WithoutTrailingTrivia())
                    .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))))));

    /// <summary><c>{atomic}.BecomeInevitable();</c>, formatted into place by the cleanup.</summary>
    public static StatementSyntax BecomeInevitableStatement(NameSyntax atomic) =>
        SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(AtomicMember(atomic, "BecomeInevitable")))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static MemberAccessExpressionSyntax AtomicMember(NameSyntax atomic, string member) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, atomic, SyntaxFactory.IdentifierName(member));

    /// <summary>
    /// Whether <paramref name="name"/>, written at <paramref name="position"/>, finds exactly one symbol and it is the
    /// expected one. The lookup sees what the name would bind to there (locals, parameters, members, types, namespaces,
    /// innermost scope first); anything else found (a second type of that name, another arity) keeps the longer spelling.
    /// </summary>
    private static bool BindsOnlyTo(SemanticModel model, int position, string name, Func<ISymbol, bool> expected)
    {
        ImmutableArray<ISymbol> found = model.LookupSymbols(position, name: name);
        return found.Length == 1 && expected(found[0]);
    }

    private static bool IsStmNamespace(ISymbol? symbol) =>
        symbol is INamespaceSymbol { Name: "Stm", ContainingNamespace.IsGlobalNamespace: true };
}
