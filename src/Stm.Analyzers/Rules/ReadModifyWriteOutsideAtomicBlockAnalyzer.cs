using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0015: <c>x.P += 1</c>, <c>x.P++</c>, <c>x.P ??= v</c>, <c>x.P = x.P + 1</c> or <c>(x.P, y) = (x.P + 1, 0)</c> on a
/// transactional property outside any atomic block, in code no atomic block of the compilation reaches: each access is
/// atomic, the pair is not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReadModifyWriteOutsideAtomicBlockAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.ReadModifyWriteOutsideAtomicBlock,
        title: "Read-modify-write of a transactional property outside an atomic block",
        messageFormat: "'{0}' is read and then written outside any atomic block: each access is atomic but the pair is not, so a concurrent update can be lost; wrap it in Atomic.Run",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "Outside a transaction every access to a transactional property is individually atomic. An increment or compound assignment is a read followed by a write; another thread may commit between them and its update is overwritten.",
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
            var candidates = new ConcurrentQueue<Candidate>();
            start.RegisterOperationAction(
                operation => Collect(operation, symbols, reachability, candidates),
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment,
                OperationKind.Increment,
                OperationKind.Decrement,
                OperationKind.SimpleAssignment,
                OperationKind.DeconstructionAssignment);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (Candidate candidate in candidates)
                {
                    if (reachability.IsCertainlyOutside(candidate.Member))
                    {
                        end.ReportDiagnostic(candidate.Diagnostic);
                    }
                }
            });
        });
    }

    private static void Collect(OperationAnalysisContext context, StmSymbols symbols, AtomicReachability reachability, ConcurrentQueue<Candidate> candidates)
    {
        IPropertyReferenceOperation? target = GetReadModifyWriteTarget(context.Operation, symbols);
        if (target is null || !IsTransactionalProperty(target.Property, symbols))
        {
            return;
        }

        AtomicReachability.Placement placement = reachability.Classify(context.Operation, out bool inside);
        if (inside || placement == AtomicReachability.Placement.Unknown)
        {
            return;
        }

        ISymbol member = AtomicBlocks.GetContainingMember(context.Operation, context.ContainingSymbol);
        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && target.Instance is IInstanceReferenceOperation
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, target.Property.ContainingType))
        {
            return; // an object under construction is not shared yet
        }

        var diagnostic = Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), target.Property.ContainingType.Name + "." + target.Property.Name);
        candidates.Enqueue(new Candidate(diagnostic, placement == AtomicReachability.Placement.Deferred ? null : member));
    }

    private static IPropertyReferenceOperation? GetReadModifyWriteTarget(IOperation operation, StmSymbols symbols)
    {
        switch (operation)
        {
            case ICompoundAssignmentOperation { Target: IPropertyReferenceOperation property }:
                return property;
            case ICoalesceAssignmentOperation { Target: IPropertyReferenceOperation property }:
                return property;
            case IIncrementOrDecrementOperation { Target: IPropertyReferenceOperation property }:
                return property;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                return ReadsTarget(assignment.Value, property) ? property : null;
            case IDeconstructionAssignmentOperation deconstruction:
                // (c.Value, c.Other) = (c.Value + 1, 0): the first transactional property written that the right side also reads.
                foreach (IOperation element in deconstruction.Target.DescendantsAndSelf())
                {
                    if (element is IPropertyReferenceOperation written
                        && element.Parent is ITupleOperation
                        && IsTransactionalProperty(written.Property, symbols)
                        && ReadsTarget(deconstruction.Value, written))
                    {
                        return written;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="value"/> reads the property <paramref name="target"/> writes, on the same instance.</summary>
    private static bool ReadsTarget(IOperation value, IPropertyReferenceOperation target)
    {
        foreach (IOperation read in value.DescendantsAndSelf())
        {
            if (read is IPropertyReferenceOperation other
                && SymbolEqualityComparer.Default.Equals(other.Property, target.Property)
                && SameInstance(other.Instance, target.Instance))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameInstance(IOperation? left, IOperation? right) =>
        (left is null && right is null)
        || (left is not null && right is not null && left.Syntax.IsEquivalentTo(right.Syntax, topLevel: false));

    /// <summary>
    /// A body-less partial property of a [Transactional] class: the generator implements it with barriers. A class of a
    /// compiled library (a referenced project or package) has no partial parts left: metadata holds one property with
    /// the attributes of both parts, so the generator's <c>[GeneratedCode("Stm.Generator", ...)]</c> on the
    /// implementation marks it there.
    /// </summary>
    internal static bool IsTransactionalProperty(IPropertySymbol property, StmSymbols symbols)
    {
        IPropertySymbol definition = property.OriginalDefinition.PartialDefinitionPart ?? property.OriginalDefinition;
        if (!symbols.IsTransactionalType(definition.ContainingType))
        {
            return false;
        }

        return definition.IsPartialDefinition
            || (CompiledMembers.IsFromMetadata(definition) && TransactionalChecks.IsGeneratedByStm(definition));
    }

    private sealed class Candidate
    {
        public Candidate(Diagnostic diagnostic, ISymbol? member)
        {
            Diagnostic = diagnostic;
            Member = member;
        }

        public Diagnostic Diagnostic { get; }

        /// <summary>The member the code runs in, or <see langword="null"/> when it certainly runs outside a transaction (an OnCommit handler).</summary>
        public ISymbol? Member { get; }
    }
}
