using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// Follows calls through the source of one compilation to find whether a method reaches an unsafe API (STM0011):
/// methods, local functions, property accessors and constructors; stops at <c>[TransactionSafe]</c>, after an
/// <c>Atomic.BecomeInevitable()</c> that always runs first in a body (<see cref="AtomicBlocks.FindInevitableRegion"/>:
/// what comes before it is still followed), and at <c>OnCommit</c>/<c>OnAbort</c> handlers (lambdas, method groups, and
/// local functions or delegates only used as handlers); treats <c>[TransactionUnsafe]</c> (also from metadata) as unsafe.
/// One instance per compilation (created in CompilationStart).
/// </summary>
internal sealed class UnsafeCallGraph
{
    private const int MaxDepth = 24;

    private readonly StmSymbols _symbols;
    private readonly UnsafeApiList _apis;
    private readonly ConcurrentDictionary<IMethodSymbol, Result> _results = new(SymbolEqualityComparer.Default);

    public UnsafeCallGraph(StmSymbols symbols, UnsafeApiList apis)
    {
        _symbols = symbols;
        _apis = apis;
    }

    /// <summary>
    /// The chain from <paramref name="method"/> to an unsafe effect (<c>Save() -> WriteLog() -> File.AppendAllText</c>),
    /// or <see langword="null"/> when it reaches none.
    /// </summary>
    public string? FindChain(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var inProgress = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Result result = Visit(Normalize(method), inProgress, 0, cancellationToken);
        return result.Chain;
    }

    private Result Visit(IMethodSymbol method, HashSet<IMethodSymbol> inProgress, int depth, CancellationToken cancellationToken)
    {
        if (_results.TryGetValue(method, out Result known))
        {
            return known;
        }

        if (_symbols.IsDeclaredSafe(method))
        {
            return Remember(method, Result.Safe);
        }

        if (_symbols.GetUnsafeAttribute(method) is { } unsafeAttribute)
        {
            string reason = unsafeAttribute.ConstructorArguments.Length == 1 && unsafeAttribute.ConstructorArguments[0].Value is string text
                ? "[TransactionUnsafe: " + text + "]"
                : "[TransactionUnsafe]";
            return Remember(method, new Result(Describe(method) + " " + reason, complete: true));
        }

        // No source to follow; and the STM runtime itself (when its own source is analyzed) is transaction-aware by
        // construction: its engine uses Volatile/Interlocked to implement the transactions, not inside them.
        if (method.DeclaringSyntaxReferences.IsEmpty
            || SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _symbols.Atomic.ContainingAssembly))
        {
            return Remember(method, Result.Safe);
        }

        // Recursion (direct or mutual): the cycle adds nothing new; the answer is not final until the outer call ends.
        if (depth > MaxDepth || !inProgress.Add(method))
        {
            return Result.Incomplete;
        }

        try
        {
            bool complete = true;
            var callees = new List<IMethodSymbol>();
            foreach (IOperation body in GetBodies(method, cancellationToken))
            {
                // After an Atomic.BecomeInevitable() that always runs first, effects are what the author asked for; before it
                // (or when the call may not run) they happen once per attempt like anywhere else.
                TextSpan? inevitable = AtomicBlocks.FindInevitableRegion(body, _symbols);
                foreach (IOperation operation in body.Descendants())
                {
                    ISymbol? target = GetReferencedMember(operation);
                    if (target is null
                        || (operation is IMethodReferenceOperation && AtomicBlocks.IsHandedToDeferredHandler(operation, _symbols))
                        || IsInNestedLocalFunction(operation, body)
                        || (inevitable is { } region && AtomicBlocks.IsInRegion(operation, body, region, _symbols))
                        || AtomicBlocks.IsInDeferredHandler(operation, body, _symbols))
                    {
                        continue;
                    }

                    if (_apis.Match(target) is { } match)
                    {
                        return Remember(method, new Result(Describe(method) + " -> " + match.DisplayName, complete: true));
                    }

                    if (target is IMethodSymbol callee)
                    {
                        callees.Add(Normalize(callee));
                    }
                }
            }

            foreach (IMethodSymbol callee in callees)
            {
                Result inner = Visit(callee, inProgress, depth + 1, cancellationToken);
                if (inner.Chain is not null)
                {
                    return Remember(method, new Result(Describe(method) + " -> " + inner.Chain, complete: true));
                }

                complete &= inner.Complete;
            }

            return complete ? Remember(method, Result.Safe) : Result.Incomplete;
        }
        finally
        {
            inProgress.Remove(method);
        }
    }

    /// <summary>A local function's body runs when it is called: it is followed as a callee, so the chain names it.</summary>
    private static bool IsInNestedLocalFunction(IOperation operation, IOperation root)
    {
        for (IOperation? current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private Result Remember(IMethodSymbol method, Result result)
    {
        _results.TryAdd(method, result);
        return result;
    }

    /// <summary>The member an operation calls or names: invocations, <c>new</c>, property/event accesses, method groups.</summary>
    public static ISymbol? GetReferencedMember(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation { Constructor: { } constructor } => constructor,
        IPropertyReferenceOperation property => GetAccessor(property),
        IMethodReferenceOperation reference => reference.Method,
        IEventReferenceOperation eventReference => eventReference.Event,
        _ => null,
    };

    private static ISymbol GetAccessor(IPropertyReferenceOperation reference)
    {
        // The accessor that runs: the setter when the reference is the target of a simple assignment.
        IPropertySymbol property = reference.Property;
        bool isWrite = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;
        IMethodSymbol? accessor = isWrite ? property.SetMethod ?? property.GetMethod : property.GetMethod ?? property.SetMethod;
        return (ISymbol?)accessor ?? property;
    }

    private IEnumerable<IOperation> GetBodies(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax(cancellationToken);
            SemanticModel model = _symbols.GetSemanticModel(node.SyntaxTree);
            IOperation? operation = model.GetOperation(node, cancellationToken);
            if (operation is not null)
            {
                yield return operation;
            }
        }
    }

    /// <summary>Generic instantiations and partial definitions map to the declaration that has the body.</summary>
    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        IMethodSymbol definition = method.OriginalDefinition;
        if (definition.PartialImplementationPart is { } implementation)
        {
            return implementation;
        }

        if (definition.AssociatedSymbol is IPropertySymbol { PartialImplementationPart: { } propertyImplementation })
        {
            IMethodSymbol? accessor = definition.MethodKind == MethodKind.PropertySet ? propertyImplementation.SetMethod : propertyImplementation.GetMethod;
            return accessor ?? definition;
        }

        return definition;
    }

    /// <summary>How a method appears in a chain: <c>Save()</c>, <c>Log.Writer</c> (a property), <c>new Journal()</c>.</summary>
    public static string Describe(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor => "new " + method.ContainingType.Name + "()",
        MethodKind.PropertyGet or MethodKind.PropertySet when method.AssociatedSymbol is { } property => property.Name,
        _ => method.Name + "()",
    };

    private readonly struct Result
    {
        public static readonly Result Safe = new(null, complete: true);
        public static readonly Result Incomplete = new(null, complete: false);

        public Result(string? chain, bool complete)
        {
            Chain = chain;
            Complete = complete;
        }

        public string? Chain { get; }

        public bool Complete { get; }
    }
}
