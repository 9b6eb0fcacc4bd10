using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// The Stm types the rules look for, resolved once per compilation. <see cref="TryCreate"/> returns
/// <see langword="null"/> when <c>Stm.Runtime</c> is not referenced: then no rule registers anything.
/// </summary>
internal sealed class StmSymbols
{
    private StmSymbols(Compilation compilation, INamedTypeSymbol atomic)
    {
        Compilation = compilation;
        Atomic = atomic;
        Transactional = compilation.GetTypeByMetadataName("Stm.TransactionalAttribute");
        TransactionSafe = compilation.GetTypeByMetadataName("Stm.TransactionSafeAttribute");
        TransactionUnsafe = compilation.GetTypeByMetadataName("Stm.TransactionUnsafeAttribute");
        // Resolved by name and optional: TransactionQueue (and Atomic.ForEach) may not exist in every runtime version.
        TransactionQueue = compilation.GetTypeByMetadataName("Stm.TransactionQueue");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Atomic { get; }

    public INamedTypeSymbol? Transactional { get; }

    public INamedTypeSymbol? TransactionSafe { get; }

    public INamedTypeSymbol? TransactionUnsafe { get; }

    public INamedTypeSymbol? TransactionQueue { get; }

    public static StmSymbols? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? atomic = compilation.GetTypeByMetadataName("Stm.Atomic");
        return atomic is null ? null : new StmSymbols(compilation, atomic);
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
