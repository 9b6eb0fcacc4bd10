using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// Which methods of the compilation some atomic block reaches through calls (STM0015, STM0016): code in them may run
/// inside a transaction even though it is not lexically in one. Filled by operation actions, read at compilation end.
/// One instance per compilation.
/// </summary>
internal sealed class AtomicReachability
{
    private readonly StmSymbols _symbols;
    private readonly ConcurrentQueue<KeyValuePair<ISymbol, ISymbol>> _edges = new();
    private readonly ConcurrentQueue<ISymbol> _seeds = new();
    private HashSet<ISymbol>? _reached;
    private HashSet<ISymbol>? _called;

    public AtomicReachability(StmSymbols symbols) => _symbols = symbols;

    /// <summary>Registers the collecting actions on <paramref name="start"/>.</summary>
    public void Register(CompilationStartAnalysisContext start) =>
        start.RegisterOperationAction(Record, ReferencedMemberOperations.Kinds);

    private void Record(OperationAnalysisContext context)
    {
        if (UnsafeCallGraph.GetReferencedMember(context.Operation) is not IMethodSymbol target || target.DeclaringSyntaxReferences.IsEmpty)
        {
            return;
        }

        ISymbol callee = Normalize(target);
        bool methodGroupBody = context.Operation is IMethodReferenceOperation && AtomicBlocks.IsPassedAsAtomicBody(context.Operation, _symbols);
        if (methodGroupBody || AtomicBlocks.FindEnclosingBody(context.Operation, _symbols) is not null)
        {
            _seeds.Enqueue(callee);
        }
        else
        {
            ISymbol caller = Normalize(AtomicBlocks.GetContainingMember(context.Operation, context.ContainingSymbol));
            _edges.Enqueue(new KeyValuePair<ISymbol, ISymbol>(caller, callee));
        }
    }

    /// <summary>Whether an atomic block of the compilation reaches <paramref name="member"/>. Call only at compilation end.</summary>
    public bool IsReached(ISymbol member)
    {
        _reached ??= Compute();
        return _reached.Contains(Normalize(member));
    }

    /// <summary>
    /// Whether code outside atomic blocks runs <paramref name="member"/>: the program's entry point, or a member this
    /// compilation calls from somewhere. A member nobody here calls has unknown callers (another assembly, reflection, a
    /// test framework), so the rules say nothing about it. Call only at compilation end.
    /// </summary>
    public bool IsRunOutsideBlocks(ISymbol member)
    {
        ISymbol normalized = Normalize(member);
        if (normalized is IMethodSymbol method
            && (method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName
                || SymbolEqualityComparer.Default.Equals(_symbols.Compilation.GetEntryPoint(CancellationToken.None), method)))
        {
            return true;
        }

        if (_called is null)
        {
            var called = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (KeyValuePair<ISymbol, ISymbol> edge in _edges)
            {
                called.Add(edge.Value);
            }

            _called = called;
        }

        return _called.Contains(normalized);
    }

    /// <summary>
    /// The verdict of STM0015/STM0016 for code placed in <paramref name="member"/> (<see langword="null"/>: an
    /// OnCommit/OnAbort handler, certainly outside): it runs outside transactions and no atomic block reaches it.
    /// </summary>
    public bool IsCertainlyOutside(ISymbol? member) =>
        member is null
        || (!IsReached(member) && IsRunOutsideBlocks(member) && !IsExternallyVisible(member));

    private HashSet<ISymbol> Compute()
    {
        var callees = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        foreach (KeyValuePair<ISymbol, ISymbol> edge in _edges)
        {
            if (!callees.TryGetValue(edge.Key, out List<ISymbol>? list))
            {
                callees[edge.Key] = list = new List<ISymbol>();
            }

            list.Add(edge.Value);
        }

        var reached = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ISymbol>(_seeds);
        while (pending.Count > 0)
        {
            ISymbol member = pending.Pop();
            if (reached.Add(member) && callees.TryGetValue(member, out List<ISymbol>? next))
            {
                foreach (ISymbol callee in next)
                {
                    pending.Push(callee);
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// Where code outside any atomic block runs, as far as the source tells: <see cref="Placement.Deferred"/> in an
    /// <c>OnCommit</c>/<c>OnAbort</c> handler, <see cref="Placement.Unknown"/> in a lambda handed to a method or constructor
    /// of this compilation (it may be a wrapper around <c>Atomic.Run</c>) or stored for later, otherwise
    /// <see cref="Placement.Member"/>: it runs wherever its containing member runs (also in a lambda handed to a method or
    /// constructor of another assembly: <c>Task.Run</c>, <c>new Thread(...)</c>, a <c>List.ForEach</c>).
    /// </summary>
    public Placement Classify(IOperation operation, out bool insideAtomicBlock)
    {
        insideAtomicBlock = false;
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            // A method or a constructor receives it: new Thread(() => ...), new Timer(_ => ..., ...) like Task.Run(() => ...).
            IMethodSymbol? receiver = AtomicBlocks.GetReceivingArgument(lambda)?.Parent switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (receiver is null)
            {
                return Placement.Unknown;
            }

            if (AtomicBlocks.IsPassedAsAtomicBody(lambda, _symbols))
            {
                insideAtomicBlock = true;
                return Placement.Unknown;
            }

            if (_symbols.IsDeferredHandler(receiver))
            {
                return Placement.Deferred;
            }

            if (!receiver.DeclaringSyntaxReferences.IsEmpty)
            {
                return Placement.Unknown;
            }
        }

        return Placement.Member;
    }

    public bool IsExternallyVisible(ISymbol member) => Visibility.IsExternallyVisible(member, _symbols.Compilation);

    private static ISymbol Normalize(ISymbol symbol) => symbol is IMethodSymbol method
        ? (method.PartialDefinitionPart ?? method).OriginalDefinition
        : symbol.OriginalDefinition;

    public enum Placement
    {
        Member,
        Deferred,
        Unknown,
    }
}
