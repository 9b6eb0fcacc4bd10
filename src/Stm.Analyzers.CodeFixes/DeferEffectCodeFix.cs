using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// STM0010, two fixes: wrap the statement in <c>Atomic.OnCommit(() => ...)</c> (the effect then happens once, after the
/// commit; offered only when <see cref="LambdaCapture"/> says it can move into a handler, and where the statement runs in
/// the transaction: not in a local function or local delegate the block also hands to a handler, stores or never calls), or insert
/// <c>Atomic.BecomeInevitable();</c> at the start of the atomic block (it then never re-runs).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeferEffectCodeFix)), Shared]
public sealed class DeferEffectCodeFix : DocumentFixProvider
{
    public const string OnCommitKey = "STM0010.OnCommit";
    public const string BecomeInevitableKey = "STM0010.BecomeInevitable";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.IrreversibleEffect);

    protected override IEnumerable<FixKind> GetFixes(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        ExpressionSyntax? effect = FindEffect(root, diagnostic);
        if (effect is null || model is null)
        {
            yield break;
        }

        // OnCommit only where the deferred expression compiles and means the same in a lambda run after the commit.
        if (FindDeferrable(effect, model) is { } deferrable
            && RunsInTheBlock(deferrable, model)
            && LambdaCapture.CanMoveIntoLambda(deferrable, model, deferred: true, CancellationToken.None)
            && SyntaxHelpers.AtomicTypeName(model, deferrable.SpanStart) is not null)
        {
            yield return new FixKind("Defer it with Atomic.OnCommit", OnCommitKey);
        }

        // Both fixes name Atomic; with Stm.Runtime referenced under an extern alias the file does not declare, nothing can.
        if (AtomicLambdas.FindEnclosing(effect, model, CancellationToken.None) is not null
            && SyntaxHelpers.AtomicTypeName(model, effect.SpanStart) is not null)
        {
            yield return new FixKind("Make the transaction inevitable first (Atomic.BecomeInevitable)", BecomeInevitableKey);
        }
    }

    protected override void Apply(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, string equivalenceKey, HashSet<SyntaxNode> fixState, CancellationToken cancellationToken)
    {
        ExpressionSyntax? effect = FindEffect(editor.OriginalRoot, diagnostic);
        if (effect is null)
        {
            return;
        }

        if (equivalenceKey == OnCommitKey)
        {
            ExpressionSyntax? deferrable = FindDeferrable(effect, model);
            if (deferrable is not null
                && SyntaxHelpers.AtomicTypeName(model, deferrable.SpanStart) is { } onCommitAtomic
                && fixState.Add(deferrable))
            {
                editor.ReplaceNode(deferrable, (current, _) => SyntaxHelpers.CallWithLambda(onCommitAtomic, "OnCommit", (ExpressionSyntax)current).WithTriviaFrom(current));
            }

            return;
        }

        AnonymousFunctionExpressionSyntax? lambda = AtomicLambdas.FindEnclosing(effect, model, cancellationToken);
        if (lambda is null || SyntaxHelpers.AtomicTypeName(model, effect.SpanStart) is not { } atomic || !fixState.Add(lambda))
        {
            return; // FixAll: one BecomeInevitable per block, however many effects it has
        }

        bool returnsValue = model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: false };
        if (lambda.Block is { } block)
        {
            editor.ReplaceNode(block, (current, _) =>
            {
                var currentBlock = (BlockSyntax)current;
                return currentBlock.WithStatements(currentBlock.Statements.Insert(0, SyntaxHelpers.BecomeInevitableStatement(atomic)));
            });
        }
        else if (lambda.ExpressionBody is not null)
        {
            editor.ReplaceNode(lambda, (current, _) =>
            {
                var function = (AnonymousFunctionExpressionSyntax)current;
                ExpressionSyntax expression = function.ExpressionBody!;
                StatementSyntax original = BodyAsStatement(expression.WithoutTrivia(), returnsValue);
                // Explicit (elastic) line breaks: the formatter keeps a block written on one line on one line.
                BlockSyntax newBlock = SyntaxFactory.Block(
                        SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.ElasticLineFeed).WithTrailingTrivia(SyntaxFactory.ElasticLineFeed),
                        SyntaxFactory.List(new[]
                        {
                            SyntaxHelpers.BecomeInevitableStatement(atomic).WithTrailingTrivia(SyntaxFactory.ElasticLineFeed),
                            original.WithTrailingTrivia(SyntaxFactory.ElasticLineFeed),
                        }),
                        SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                    .WithAdditionalAnnotations(Formatter.Annotation)
                    .WithTrailingTrivia(expression.GetTrailingTrivia());
                return function.WithExpressionBody(null).WithBlock(newBlock);
            });
        }
    }

    /// <summary>
    /// Whether the expression runs inside the transaction, where it is written: not in a local function or a local
    /// delegate that the block also hands to a handler, stores or never calls (<see cref="AtomicBlocks.RunsInline"/>).
    /// <c>Atomic.OnCommit</c> written there would run outside any transaction, and throw.
    /// </summary>
    private static bool RunsInTheBlock(ExpressionSyntax expression, SemanticModel model) =>
        StmSymbols.TryCreate(model.Compilation) is { } symbols
        && model.GetOperation(expression, CancellationToken.None) is { } operation
        && AtomicBlocks.FindEnclosingBody(operation, symbols) is { } body
        && AtomicBlocks.RunsInline(operation, body, symbols);

    /// <summary>
    /// The statement an expression body becomes in a block: <c>return body;</c> when the function returns a value,
    /// <c>body;</c> when it returns void. A throw expression is the exception: it is allowed as a whole lambda body but
    /// neither after <c>return</c> nor as an expression statement (CS8115), so <c>() =&gt; throw e</c> becomes
    /// <c>throw e;</c> whatever the delegate returns. A throw expression inside <c>??</c>, <c>?:</c> or a switch arm
    /// is an operand of an ordinary expression and takes the first two paths.
    /// </summary>
    private static StatementSyntax BodyAsStatement(ExpressionSyntax body, bool returnsValue) => body switch
    {
        ThrowExpressionSyntax thrown => SyntaxFactory.ThrowStatement(thrown.Expression).WithThrowKeyword(thrown.ThrowKeyword),
        _ when returnsValue => SyntaxFactory.ReturnStatement(body),
        _ => SyntaxFactory.ExpressionStatement(body),
    };

    /// <summary>The call, <c>new</c> or property access the diagnostic points at.</summary>
    private static ExpressionSyntax? FindEffect(SyntaxNode root, Diagnostic diagnostic)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node
            ? invocation
            : node as ExpressionSyntax;
    }

    /// <summary>
    /// The expression to move into OnCommit: a whole expression statement, or the body of an expression-bodied
    /// void lambda. Anything whose value is used (an assignment's right side, an argument) cannot be deferred.
    /// </summary>
    private static ExpressionSyntax? FindDeferrable(ExpressionSyntax effect, SemanticModel model)
    {
        ExpressionSyntax outer = effect;
        while (outer.Parent is InvocationExpressionSyntax or MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            outer = (ExpressionSyntax)outer.Parent;
        }

        switch (outer.Parent)
        {
            case ExpressionStatementSyntax:
                return outer;
            case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody == outer
                && model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true }:
                return outer;
            default:
                return null;
        }
    }
}
