using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Shared;

namespace Stm.Analyzers.Infrastructure;

/// <summary>Registration helper for the declaration rules (STM0001-STM0005): they all look at <c>[Transactional]</c> types.</summary>
internal static class TransactionalTypes
{
    /// <summary>
    /// Runs <paramref name="action"/> for every type carrying <c>[Transactional]</c>, when Stm.Runtime is referenced.
    /// (Generated code and concurrency are configured by each analyzer's Initialize, where RS1025/RS1026 look for them.)
    /// </summary>
    public static void Register(AnalysisContext context, Action<SymbolAnalysisContext, INamedTypeSymbol, StmSymbols> action)
    {
        context.RegisterCompilationStartAction(start =>
        {
            StmSymbols? symbols = StmSymbols.TryCreate(start.Compilation);
            if (symbols?.Transactional is null)
            {
                return;
            }

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (TransactionalChecks.HasTransactionalAttribute(type))
                    {
                        action(symbolContext, type, symbols);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>Whether the members of <paramref name="type"/> are state the rules should describe: a class that can have instances.</summary>
    /// <remarks>
    /// Not for a class whose declaration is broken in a way STM0001 reports first (a reserved <c>__stm</c> name, an
    /// unresolved base): until that is fixed, per-member advice would be noise.
    /// </remarks>
    public static bool HasInstanceState(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class && !type.IsStatic
        && Stm.Shared.TransactionalChecks.CheckType(type) is not (Stm.Shared.TransactionalTypeStatus.ReservedMemberName or Stm.Shared.TransactionalTypeStatus.InvalidBaseType
            or Stm.Shared.TransactionalTypeStatus.HandWrittenTransactionalBase);

    /// <summary>Where to point at a member: its name in the first source declaration.</summary>
    public static Location? GetLocation(ISymbol member)
    {
        foreach (Location location in member.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }
}
