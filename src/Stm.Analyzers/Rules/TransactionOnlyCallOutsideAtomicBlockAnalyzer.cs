using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0016: <c>Atomic.Retry</c>, <c>BecomeInevitable</c>, <c>OnCommit</c> or <c>OnAbort</c> outside any atomic block,
/// in a method no atomic block of the compilation reaches (or in an OnCommit/OnAbort handler): it throws there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransactionOnlyCallOutsideAtomicBlockAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.TransactionOnlyCallOutsideAtomicBlock,
        title: "Transaction-only Atomic method called outside any atomic block",
        messageFormat: "Atomic.{0}() is called outside any atomic block and no atomic block reaches this code: it throws InvalidOperationException at run time; call it inside Atomic.Run",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "Retry, BecomeInevitable, OnCommit and OnAbort act on the current transaction and throw when there is none. The call is neither inside an atomic block nor in a method that an atomic block of this compilation calls.",
        WellKnownDiagnosticTags.CompilationEnd);

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

            var reachability = new AtomicReachability(symbols);
            reachability.Register(start);
            var candidates = new ConcurrentQueue<(Diagnostic Diagnostic, ISymbol? Member)>();
            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (!symbols.IsTransactionOnly(invocation.TargetMethod))
                    {
                        return;
                    }

                    AtomicReachability.Placement placement = reachability.Classify(invocation, out bool inside);
                    if (inside || placement == AtomicReachability.Placement.Unknown)
                    {
                        return;
                    }

                    ISymbol? member = placement == AtomicReachability.Placement.Deferred
                        ? null
                        : AtomicBlocks.GetContainingMember(invocation, operation.ContainingSymbol);
                    Location location = IrreversibleEffectInAtomicBlockAnalyzer.GetLocation(invocation);
                    candidates.Enqueue((Diagnostic.Create(Rule, location, invocation.TargetMethod.Name), member));
                },
                OperationKind.Invocation);
            start.RegisterCompilationEndAction(end =>
            {
                foreach ((Diagnostic diagnostic, ISymbol? member) in candidates)
                {
                    if (reachability.IsCertainlyOutside(member))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }
}
