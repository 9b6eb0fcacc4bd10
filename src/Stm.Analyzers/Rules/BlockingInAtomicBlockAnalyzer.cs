using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.Rules;

/// <summary>STM0013: <c>lock</c> and the unsafe list's [STM0013] section (Monitor, Interlocked, Volatile, blocking waits) inside an atomic block.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingInAtomicBlockAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.BlockingInAtomicBlock,
        title: "Lock, atomic operation or blocking wait inside an atomic block",
        messageFormat: "'{0}' inside an atomic block: locks, Interlocked/Volatile operations and blocking waits are not rolled back and can deadlock with the transaction's own conflict handling; use transactional state, and Atomic.Retry() to wait",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "A transaction must neither block on another thread nor perform synchronisation the runtime cannot undo: a re-run repeats an Interlocked increment, and a lock held while the transaction waits for a conflicting one can deadlock. Transactional properties already give atomicity; Atomic.Retry() is the way to wait for a change.");

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

            UnsafeApiList apis = UnsafeApiList.Create(start.Options, start.CancellationToken);
            start.RegisterOperationAction(
                operation => IrreversibleEffectInAtomicBlockAnalyzer.Analyze(operation, symbols, apis, RuleIdentifiers.BlockingInAtomicBlock, Rule),
                ReferencedMemberOperations.Kinds);
            start.RegisterOperationAction(operation => AnalyzeLock(operation, symbols), OperationKind.Lock);
        });
    }

    private static void AnalyzeLock(OperationAnalysisContext context, StmSymbols symbols)
    {
        if (AtomicBlocks.FindEnclosingBody(context.Operation, symbols) is null)
        {
            return;
        }

        Location location = context.Operation.Syntax is LockStatementSyntax syntax ? syntax.LockKeyword.GetLocation() : context.Operation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, "lock"));
    }
}
