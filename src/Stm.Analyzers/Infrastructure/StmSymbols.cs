using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// The Stm types the rules look for, resolved once per compilation. <see cref="TryCreate"/> returns
/// <see langword="null"/> when <c>Stm.Runtime</c> is not referenced: then no rule registers anything.
/// </summary>
internal sealed class StmSymbols
{
    /// <summary>How many wrappers deep <see cref="IsAtomicArgument(IArgumentOperation)"/> follows a forwarded delegate.</summary>
    private const int MaxWrapperDepth = 4;

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<int>> _forwardedParameters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    private StmSymbols(Compilation compilation, INamedTypeSymbol atomic)
    {
        Compilation = compilation;
        Atomic = atomic;

        // From the assembly that declares Atomic: the runtime the code runs against, found even when the project
        // references it under an extern alias only.
        IAssemblySymbol runtime = atomic.ContainingAssembly;
        Transactional = runtime.GetTypeByMetadataName("Stm.TransactionalAttribute");
        TransactionSafe = runtime.GetTypeByMetadataName("Stm.TransactionSafeAttribute");
        TransactionUnsafe = runtime.GetTypeByMetadataName("Stm.TransactionUnsafeAttribute");
        // Resolved by name and optional: TransactionQueue (and Atomic.ForEach) may not exist in every runtime version.
        TransactionQueue = runtime.GetTypeByMetadataName("Stm.TransactionQueue");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Atomic { get; }

    public INamedTypeSymbol? Transactional { get; }

    public INamedTypeSymbol? TransactionSafe { get; }

    public INamedTypeSymbol? TransactionUnsafe { get; }

    public INamedTypeSymbol? TransactionQueue { get; }

    public static StmSymbols? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? atomic = FindAtomic(compilation);
        return atomic is null ? null : new StmSymbols(compilation, atomic);
    }

    /// <summary>
    /// <c>Stm.Atomic</c>. <see cref="Compilation.GetTypeByMetadataName"/> does not search an assembly referenced under
    /// extern aliases only (<c>&lt;Aliases&gt;stm&lt;/Aliases&gt;</c>), and every rule would then stay silent; the
    /// search across all references finds it there, when it is the only one.
    /// </summary>
    internal static INamedTypeSymbol? FindAtomic(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName("Stm.Atomic") is { } atomic)
        {
            return atomic;
        }

        ImmutableArray<INamedTypeSymbol> candidates = compilation.GetTypesByMetadataName("Stm.Atomic");
        return candidates.Length == 1 ? candidates[0] : null;
    }

    /// <summary>
    /// Whether a delegate passed to <paramref name="method"/> runs as (part of) a transaction:
    /// <c>Atomic.Run</c>, <c>Atomic.OrElse</c>, <c>Atomic.ForEach</c>, <c>TransactionQueue.Add</c>.
    /// </summary>
    public bool IsAtomicEntryPoint(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(type, Atomic))
        {
            return method.Name is "Run" or "OrElse" or "ForEach";
        }

        return TransactionQueue is not null
            && SymbolEqualityComparer.Default.Equals(type, TransactionQueue)
            && method.Name == "Add";
    }

    /// <summary>
    /// Whether the delegate passed as <paramref name="argument"/> runs as a transaction: it goes to an atomic entry point,
    /// or to a method of this compilation that forwards that parameter to one
    /// (<c>static void InTransaction(Action body) => Atomic.Run(body);</c>), through up to a few such wrappers.
    /// </summary>
    public bool IsAtomicArgument(IArgumentOperation argument) =>
        argument.Parent is IInvocationOperation invocation && IsAtomicArgument(invocation.TargetMethod, argument.Parameter, 0);

    /// <summary>The compilation's semantic model of <paramref name="tree"/>, for following calls into other files.</summary>
    // RS1030 warns against Compilation.GetSemanticModel in analyzers because models are expensive; following calls
    // into other files needs them, each is created once per compilation here, and under the analyzer driver the
    // compilation hands out its cached models.
#pragma warning disable RS1030
    public SemanticModel GetSemanticModel(SyntaxTree tree) => _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    private bool IsAtomicArgument(IMethodSymbol method, IParameterSymbol? parameter, int depth)
    {
        if (IsAtomicEntryPoint(method))
        {
            return true;
        }

        if (parameter is null || depth >= MaxWrapperDepth || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        IMethodSymbol definition = method.OriginalDefinition;
        ImmutableHashSet<int> forwarded = _forwardedParameters.GetOrAdd(definition, m => FindForwardedParameters(m, depth));
        return forwarded.Contains(parameter.Ordinal);
    }

    /// <summary>The ordinals of <paramref name="method"/>'s parameters that its body passes on, as they are, to an atomic entry point.</summary>
    private ImmutableHashSet<int> FindForwardedParameters(IMethodSymbol method, int depth)
    {
        ImmutableHashSet<int> result = ImmutableHashSet<int>.Empty;
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            IOperation? body = GetSemanticModel(node.SyntaxTree).GetOperation(node);
            if (body is null)
            {
                continue;
            }

            foreach (IOperation operation in body.Descendants())
            {
                if (operation is not IArgumentOperation { Parent: IInvocationOperation invocation } argument)
                {
                    continue;
                }

                IOperation value = argument.Value;
                while (value is IConversionOperation or IDelegateCreationOperation)
                {
                    value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
                }

                if (value is IParameterReferenceOperation parameter
                    && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
                    && IsAtomicArgument(invocation.TargetMethod, argument.Parameter, depth + 1))
                {
                    result = result.Add(parameter.Parameter.Ordinal);
                }
            }
        }

        return result;
    }

    /// <summary>Whether a delegate passed to <paramref name="method"/> runs later, outside the transaction (<c>OnCommit</c>, <c>OnAbort</c>).</summary>
    public bool IsDeferredHandler(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, Atomic)
        && method.Name is "OnCommit" or "OnAbort";

    /// <summary>Whether <paramref name="method"/> only works inside a transaction (it throws outside one).</summary>
    public bool IsTransactionOnly(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, Atomic)
        && method.Name is "Retry" or "BecomeInevitable" or "OnCommit" or "OnAbort";

    public bool IsBecomeInevitable(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, Atomic) && method.Name == "BecomeInevitable";

    /// <summary>Whether instances of <paramref name="type"/> are tracked: it or a base class is <c>[Transactional]</c>.</summary>
    public bool IsTransactionalType(ITypeSymbol? type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, Transactional))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> or its containing type carries <c>[TransactionSafe]</c>.</summary>
    public bool IsDeclaredSafe(ISymbol symbol) => HasOwnOrContainerAttribute(symbol, TransactionSafe) is not null;

    /// <summary>The <c>[TransactionUnsafe]</c> attribute on <paramref name="symbol"/> or its containing type, if any.</summary>
    public AttributeData? GetUnsafeAttribute(ISymbol symbol) => HasOwnOrContainerAttribute(symbol, TransactionUnsafe);

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (AttributeData data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static AttributeData? HasOwnOrContainerAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        // An accessor inherits the attribute of its property.
        ImmutableArray<ISymbol> candidates = symbol is IMethodSymbol { AssociatedSymbol: { } property }
            ? ImmutableArray.Create(symbol, property)
            : ImmutableArray.Create(symbol);
        foreach (ISymbol candidate in candidates)
        {
            for (ISymbol? current = candidate; current is not null and not INamespaceSymbol; current = current.ContainingType)
            {
                foreach (AttributeData data in current.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                    {
                        return data;
                    }
                }
            }
        }

        return null;
    }
}
