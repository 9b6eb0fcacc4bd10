using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.Rules;

/// <summary>STM0010: an API of the unsafe list ([STM0010] section: I/O, console, network, processes, sleeping) inside an atomic block.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IrreversibleEffectInAtomicBlockAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.IrreversibleEffect,
        title: "Irreversible effect inside an atomic block",
        messageFormat: "'{0}' is an irreversible effect inside an atomic block: it runs again every time the transaction is re-executed; defer it with Atomic.OnCommit or call Atomic.BecomeInevitable() first",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "An atomic block is re-run after every conflict, so I/O and other effects that cannot be rolled back happen once per attempt. Move them into Atomic.OnCommit, or make the transaction inevitable before them.");

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
                operation => Analyze(operation, symbols, apis, RuleIdentifiers.IrreversibleEffect, Rule),
                ReferencedMemberOperations.Kinds);
        });
    }

    /// <summary>Shared with STM0013, which reports the list's [STM0013] section the same way.</summary>
    internal static void Analyze(OperationAnalysisContext context, StmSymbols symbols, UnsafeApiList apis, string rule, DiagnosticDescriptor descriptor)
    {
        ISymbol? member = UnsafeCallGraph.GetReferencedMember(context.Operation);
        if (member is null || apis.Match(member) is not { } match || match.Rule != rule)
        {
            return;
        }

        // File.Open(path).Write(...): one effect, one report, at the first listed member of the chain.
        if (GetInstance(context.Operation) is { } receiver && UnsafeCallGraph.GetReferencedMember(receiver) is { } inner && apis.Match(inner) is not null)
        {
            return;
        }

        IAnonymousFunctionOperation? body = AtomicBlocks.FindEnclosingBody(context.Operation, symbols);
        if (body is null || AtomicBlocks.IsInevitableBefore(body, context.Operation, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, GetLocation(context.Operation), match.DisplayName));
    }

    private static IOperation? GetInstance(IOperation operation)
    {
        IOperation? instance = operation switch
        {
            IInvocationOperation invocation => invocation.Instance,
            IPropertyReferenceOperation property => property.Instance,
            IMethodReferenceOperation method => method.Instance,
            IEventReferenceOperation eventReference => eventReference.Instance,
            _ => null,
        };
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        return instance;
    }

    /// <summary>Points at the member name (<c>File.AppendAllText</c>), not the whole call with its arguments.</summary>
    internal static Location GetLocation(IOperation operation)
    {
        if (operation is IInvocationOperation invocation
            && invocation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax syntax)
        {
            return syntax.Expression.GetLocation();
        }

        return operation.Syntax.GetLocation();
    }
}
