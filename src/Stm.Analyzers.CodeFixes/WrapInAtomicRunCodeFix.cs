using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// STM0015: <c>x.P += 1</c> becomes <c>Atomic.Run(() => x.P += 1)</c>, so the read and the write are one transaction;
/// offered only when <see cref="LambdaCapture"/> says the expression can move into a lambda.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInAtomicRunCodeFix)), Shared]
public sealed class WrapInAtomicRunCodeFix : DocumentFixProvider
{
    public const string EquivalenceKey = "STM0015.WrapInAtomicRun";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ReadModifyWriteOutsideAtomicBlock);

    protected override IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        // Not offered where the expression cannot live in a lambda (a ref or span variable, a struct's `this`, an `out var`
        // used later, an await...): the result would not compile or would mean something else.
        if (model is not null
            && FindExpression(root, diagnostic) is { } expression
            && LambdaCapture.CanMoveIntoLambda(expression, model, deferred: false, CancellationToken.None)
            && SyntaxHelpers.AtomicTypeName(model, expression.SpanStart) is not null)
        {
            yield return new FixKind("Wrap it in Atomic.Run", EquivalenceKey);
        }
    }

    protected override void Apply(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, HashSet<SyntaxNode> fixState, CancellationToken cancellationToken)
    {
        ExpressionSyntax? expression = FindExpression(editor.OriginalRoot, diagnostic);
        if (expression is not null
            && SyntaxHelpers.AtomicTypeName(model, expression.SpanStart) is { } atomic
            && fixState.Add(expression))
        {
            editor.ReplaceNode(expression, (current, _) => SyntaxHelpers.CallWithLambda(atomic, "Run", (ExpressionSyntax)current).WithTriviaFrom(current));
        }
    }

    /// <summary>
    /// The read-modify-write the diagnostic marks. In a null-conditional assignment (<c>a?.P += 1</c>, C# 14) it marks
    /// the part after <c>?</c>, which cannot stand alone: the whole conditional access moves into the lambda.
    /// </summary>
    private static ExpressionSyntax? FindExpression(SyntaxNode root, Diagnostic diagnostic)
    {
        var expression = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
        while (expression?.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull.Span.Contains(expression.Span))
        {
            expression = access;
        }

        return expression;
    }
}
