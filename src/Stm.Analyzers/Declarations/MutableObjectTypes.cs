using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Stm.Analyzers.Declarations;

/// <summary>
/// STM0003's question: is a member's type a mutable object the STM cannot isolate? Arrays, <c>Memory&lt;T&gt;</c> and
/// <c>ArraySegment&lt;T&gt;</c> (writable views of one), the mutable collections of the base library, classes (outside
/// the System/Microsoft namespaces) with a public setter or mutable public field, and tuples (value tuples and
/// <c>System.Tuple</c>) with an element of any of these.
/// Interfaces, other value types, strings, delegates, immutable collections and transactional types are fine.
/// </summary>
internal static class MutableObjectTypes
{
    /// <summary>What kind of mutable object <paramref name="type"/> is ("an array", "a mutable collection", "a mutable object"), or <see langword="null"/>.</summary>
    public static string? Describe(ITypeSymbol type, System.Func<ITypeSymbol, bool> isTransactional)
    {
        if (type is IArrayTypeSymbol)
        {
            return "an array";
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0]; // (int, List<int>)?, Memory<int>?: judged by what a value holds
        }

        if (type is INamedTypeSymbol tuple && (tuple.IsTupleType || IsSystemType(tuple, "Tuple")))
        {
            // A tuple (a value tuple, copied, or a System.Tuple, immutable itself) shares its elements: one that holds a
            // mutable object shares that object.
            IEnumerable<ITypeSymbol> elements = tuple.IsTupleType ? tuple.TupleElements.Select(element => element.Type) : tuple.TypeArguments;
            return elements.Any(element => Describe(element, isTransactional) is not null) ? "a tuple with a mutable element" : null;
        }

        if (IsSystemType(type, "Memory") || IsSystemType(type, "ArraySegment"))
        {
            return "a writable view of an array"; // ReadOnlyMemory<T> is fine: nothing can be written through it
        }

        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class || named.SpecialType != SpecialType.None
            || isTransactional(named) || named.IsRecord && !HasPublicSetter(named))
        {
            return null;
        }

        string ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        switch (ns)
        {
            case "System.Collections.Generic":
                return named.Name is "List" or "Dictionary" or "HashSet" or "Queue" or "Stack" or "LinkedList"
                    or "SortedDictionary" or "SortedList" or "SortedSet" or "PriorityQueue"
                    ? "a mutable collection"
                    : null;
            case "System.Collections":
                return named.Name is "ArrayList" or "Hashtable" or "Queue" or "Stack" or "SortedList" or "BitArray" ? "a mutable collection" : null;
            case "System.Collections.Concurrent":
                return named.Name is "ConcurrentDictionary" or "ConcurrentQueue" or "ConcurrentStack" or "ConcurrentBag" or "BlockingCollection"
                    ? "a mutable collection"
                    : null;
            case "System.Collections.ObjectModel":
                return named.Name is "Collection" or "ObservableCollection" or "KeyedCollection" ? "a mutable collection" : null;
            case "System.Text":
                return named.Name == "StringBuilder" ? "a mutable object" : null;
        }

        if (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal)
            || ns == "Microsoft" || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal) || ns.StartsWith("Stm", System.StringComparison.Ordinal))
        {
            return null; // framework types: judged by the lists above, not by their (often settable) configuration properties
        }

        return HasPublicSetter(named) ? "a mutable object" : null;
    }

    /// <summary>Whether <paramref name="type"/> is the generic type <c>System.<paramref name="name"/></c>, any arity.</summary>
    private static bool IsSystemType(ITypeSymbol type, string name) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.Name == name
        && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    private static bool HasPublicSetter(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                if (member is IFieldSymbol { IsReadOnly: false, IsConst: false }
                    || member is IPropertySymbol { SetMethod: { IsInitOnly: false, DeclaredAccessibility: Accessibility.Public } })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
