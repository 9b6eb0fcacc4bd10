using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

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

    /// <summary><c>global::Stm.Atomic.{member}</c>, reduced to <c>Atomic.{member}</c> by the code action's cleanup where <c>using Stm;</c> allows.</summary>
    public static ExpressionSyntax AtomicMember(string member) =>
        SyntaxFactory.ParseExpression("global::Stm.Atomic." + member).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary><c>Atomic.{member}(() => body)</c>.</summary>
    public static InvocationExpressionSyntax CallWithLambda(string member, ExpressionSyntax body) =>
        SyntaxFactory.InvocationExpression(
            AtomicMember(member),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(), body.WithoutLeadingTrivia().WithoutTrailingTrivia())
                    .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))))));

    /// <summary><c>Atomic.BecomeInevitable();</c>, formatted into place by the cleanup.</summary>
    public static StatementSyntax BecomeInevitableStatement() =>
        SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(AtomicMember("BecomeInevitable")))
            .WithAdditionalAnnotations(Formatter.Annotation);
}
