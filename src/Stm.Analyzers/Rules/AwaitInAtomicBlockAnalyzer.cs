using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0012 (error): <c>await</c> inside an atomic block, or an async lambda / async method group passed to an atomic
/// entry point. A transaction is bound to its thread; whatever runs after the first <c>await</c> runs outside it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AwaitInAtomicBlockAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.AwaitInAtomicBlock,
        title: "'await' inside an atomic block",
        messageFormat: "{0}: a transaction is bound to its thread, so the code after the first 'await' runs outside the transaction (and Atomic.Run would not wait for it); do the asynchronous work before or after the atomic block",
        RuleCategories.Usage,
        DiagnosticSeverity.Error,
        description: "Atomic blocks are synchronous: there is no Func<Task> overload. An async lambda passed to Atomic.Run becomes an async void delegate or a Task nobody awaits; the continuation after 'await' runs on another thread, outside the transaction, without isolation.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            StmSymbols? symbols = StmSymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterOperationAction(operation => AnalyzeAwait(operation, symbols), OperationKind.Await);
            start.RegisterOperationAction(operation => AnalyzeAsyncLoop(operation, symbols), OperationKind.Loop, OperationKind.Using, OperationKind.UsingDeclaration);
            start.RegisterOperationAction(operation => AnalyzeAsyncBody(operation, symbols), OperationKind.AnonymousFunction, OperationKind.MethodReference);
        });
    }

    private static void AnalyzeAwait(OperationAnalysisContext context, StmSymbols symbols)
    {
        if (AtomicBlocks.FindEnclosingBody(context.Operation, symbols) is null)
        {
            return;
        }

        Location location = context.Operation.Syntax is AwaitExpressionSyntax syntax ? syntax.AwaitKeyword.GetLocation() : context.Operation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, "'await' inside an atomic block"));
    }

    private static void AnalyzeAsyncLoop(OperationAnalysisContext context, StmSymbols symbols)
    {
        SyntaxToken awaitKeyword = context.Operation switch
        {
            IForEachLoopOperation { IsAsynchronous: true, Syntax: CommonForEachStatementSyntax loop } => loop.AwaitKeyword,
            IUsingOperation { IsAsynchronous: true, Syntax: UsingStatementSyntax statement } => statement.AwaitKeyword,
            IUsingDeclarationOperation { IsAsynchronous: true, Syntax: LocalDeclarationStatementSyntax declaration } => declaration.AwaitKeyword,
            _ => default,
        };
        if (awaitKeyword.RawKind == 0 || AtomicBlocks.FindEnclosingBody(context.Operation, symbols) is null)
        {
            return;
        }

        string what = context.Operation is IForEachLoopOperation ? "'await foreach' inside an atomic block" : "'await using' inside an atomic block";
        context.ReportDiagnostic(Diagnostic.Create(Rule, awaitKeyword.GetLocation(), what));
    }

    private static void AnalyzeAsyncBody(OperationAnalysisContext context, StmSymbols symbols)
    {
        IMethodSymbol? function = context.Operation switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        if (function is not { IsAsync: true }
            || AtomicBlocks.GetInvocationReceivingDelegate(context.Operation) is not { } receiver
            || !AtomicBlocks.IsPassedAsAtomicBody(context.Operation, symbols))
        {
            return;
        }

        // Each 'await' in the lambda is reported on its own; an async lambda without one still runs detached.
        if (context.Operation is IAnonymousFunctionOperation body && ContainsAwait(body))
        {
            return;
        }

        Location location = context.Operation.Syntax switch
        {
            AnonymousFunctionExpressionSyntax { AsyncKeyword.RawKind: not 0 } syntax => syntax.AsyncKeyword.GetLocation(),
            _ => context.Operation.Syntax.GetLocation(),
        };
        string what = context.Operation is IMethodReferenceOperation
            ? "async method '" + function.Name + "' passed to " + receiver.TargetMethod.ContainingType.Name + "." + receiver.TargetMethod.Name
            : "async lambda passed to " + receiver.TargetMethod.ContainingType.Name + "." + receiver.TargetMethod.Name;
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, what));
    }

    private static bool ContainsAwait(IOperation body)
    {
        foreach (IOperation operation in body.Descendants())
        {
            if (operation is IAwaitOperation
                || operation is IForEachLoopOperation { IsAsynchronous: true }
                || operation is IUsingOperation { IsAsynchronous: true }
                || operation is IUsingDeclarationOperation { IsAsynchronous: true })
            {
                return true;
            }
        }

        return false;
    }
}
