using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0011: a call inside an atomic block (or a method group passed to one) to a method that reaches an unsafe API
/// through calls in the same compilation, or that is marked <c>[TransactionUnsafe]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsafeCallChainAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.UnsafeCallChain,
        title: "Call inside an atomic block reaches an irreversible effect",
        messageFormat: "'{0}' is called inside an atomic block and reaches an effect that is not rolled back: {1}",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "The called method performs I/O, locking or another unsafe operation itself or through the methods it calls (or is marked [TransactionUnsafe]); inside a transaction that may be re-run, the effect happens once per attempt. Defer it with Atomic.OnCommit, call Atomic.BecomeInevitable() first, or mark a method that is in fact safe [TransactionSafe].");

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
            var graph = new UnsafeCallGraph(symbols, apis);
            start.RegisterOperationAction(operation => Analyze(operation, symbols, apis, graph), ReferencedMemberOperations.Kinds);
        });
    }

    private static void Analyze(OperationAnalysisContext context, StmSymbols symbols, UnsafeApiList apis, UnsafeCallGraph graph)
    {
        ISymbol? member = UnsafeCallGraph.GetReferencedMember(context.Operation);
        if (member is not IMethodSymbol method || apis.Match(method) is not null)
        {
            return; // a listed API itself is STM0010/STM0013
        }

        if (!IsInAtomicBlock(context.Operation, symbols, out IOperation? body) || (body is not null && IsDeclaredInside(method, body)))
        {
            return;
        }

        string? chain = graph.FindChain(method, context.CancellationToken);
        if (chain is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            IrreversibleEffectInAtomicBlockAnalyzer.GetLocation(context.Operation),
            UnsafeCallGraph.Describe(method.OriginalDefinition),
            chain));
    }

    private static bool IsInAtomicBlock(IOperation operation, StmSymbols symbols, out IOperation? atomicBody)
    {
        atomicBody = null;
        // Atomic.Run(Save): the method group is the atomic body itself.
        if (operation is IMethodReferenceOperation && AtomicBlocks.IsPassedAsAtomicBody(operation, symbols))
        {
            return true;
        }

        IAnonymousFunctionOperation? body = AtomicBlocks.FindEnclosingBody(operation, symbols);
        atomicBody = body;
        return body is not null && !AtomicBlocks.IsInevitableBefore(body, operation, symbols);
    }

    /// <summary>A local function written inside the block is checked line by line by STM0010 already.</summary>
    private static bool IsDeclaredInside(IMethodSymbol method, IOperation body)
    {
        if (method.MethodKind != MethodKind.LocalFunction)
        {
            return false;
        }

        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == body.Syntax.SyntaxTree && body.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
