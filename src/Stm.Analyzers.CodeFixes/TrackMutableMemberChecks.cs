using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stm.Shared;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// When each fix of <see cref="TrackMutableMemberCodeFix"/> keeps the code compiling with the same meaning: the declaration
/// checks (language version, the generator's own rules, the member's shape) and the rules for the uses that
/// <see cref="MemberUses"/> finds.
/// </summary>
internal static class TrackMutableMemberChecks
{
    /// <summary>
    /// A field becomes <c>partial T Name { get; set; }</c>. A partial property has no initializer, one declaration cannot
    /// become two properties, <c>volatile</c> has no property form, and the field's attributes must apply to a property.
    /// </summary>
    public static bool CanBecomePartialProperty(FieldDeclarationSyntax field, VariableDeclaratorSyntax declarator, IFieldSymbol symbol) =>
        declarator.Initializer is null
        && field.Declaration.Variables.Count == 1
        && !symbol.IsVolatile
        && field.AttributeLists.All(list => list.Target is null) // [field: X] would be ignored on a property (CS0657)
        && symbol.GetAttributes().All(IsValidOnProperties) // [NonSerialized], [FieldOffset] are not (CS0592)
        && GeneratorImplements(symbol.ContainingType, symbol.Type, field.SyntaxTree);

    /// <summary>
    /// An auto property gains <c>partial</c>. Not with accessor bodies (<c>field</c> keyword: the result would be an
    /// implementation without a definition, CS9249), an initializer, an explicit interface name (CS0754), or an attribute
    /// aimed at the backing field the property no longer has.
    /// </summary>
    public static bool CanBecomePartialProperty(PropertyDeclarationSyntax property, IPropertySymbol symbol) =>
        property.Initializer is null
        && property.ExplicitInterfaceSpecifier is null
        && symbol.ExplicitInterfaceImplementations.IsEmpty
        && property.AccessorList!.Accessors.All(accessor => accessor.Body is null && accessor.ExpressionBody is null)
        && !property.AttributeLists.Any(list => list.Target?.Identifier.IsKind(SyntaxKind.FieldKeyword) == true)
        && symbol is { IsStatic: false, IsAbstract: false, IsExtern: false, IsIndexer: false, GetMethod: not null, SetMethod: not null }
        && GeneratorImplements(symbol.ContainingType, symbol.Type, property.SyntaxTree);

    /// <summary>
    /// A field gains <c>readonly</c>; not next to <c>volatile</c> (CS0678). Dropping <c>volatile</c> as well would compile,
    /// and the .NET memory model publishes constructor writes with the object reference, but while the constructor runs
    /// the volatile accesses still order the field against other memory: that matters once <c>this</c> escapes the
    /// constructor (registered somewhere, handed to a thread), which the fix cannot rule out. In doubt: no fix.
    /// </summary>
    /// <remarks>Nor next to <c>required</c>: a required member must be settable (CS9034).</remarks>
    public static bool CanBecomeReadOnly(IFieldSymbol symbol) => !symbol.IsVolatile && !symbol.IsRequired;

    /// <summary>
    /// <c>set</c> becomes <c>init</c>: C# 9 and <c>IsExternalInit</c> needed (CS8400, CS0518). Not for a property that must
    /// keep matching another one's setter: an explicit or implicit implementation of an interface property with a setter
    /// (CS8855, CS8854), an override (CS8853), or a virtual property that overrides may match.
    /// </summary>
    public static bool CanBecomeInitOnly(PropertyDeclarationSyntax property, IPropertySymbol symbol, Compilation compilation) =>
        ((CSharpParseOptions)property.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp9
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit") is not null
        && symbol is { SetMethod.IsInitOnly: false, IsVirtual: false, IsOverride: false, IsAbstract: false }
        && symbol.ExplicitInterfaceImplementations.IsEmpty
        && !ImplementsInterfaceSetter(symbol);

    /// <summary>A field used only by value and by plain assignment reads and writes the same as a property.</summary>
    public static bool SurvivesPropertyConversion(MemberUse use) => use.Kind is MemberUseKind.Read or MemberUseKind.Write;

    /// <summary>Writes, references and in-place changes only where C# allows them on a readonly field; <c>in</c> anywhere.</summary>
    public static bool SurvivesReadOnly(MemberUse use) => use.Kind switch
    {
        MemberUseKind.Read or MemberUseKind.ReadOnlyReference => true,
        MemberUseKind.Write or MemberUseKind.Reference or MemberUseKind.MutatingReceiver => (use.Context & MemberUseContext.OwnConstruction) != 0,
        _ => false,
    };

    /// <summary>Writes only where an init accessor may be called.</summary>
    public static bool SurvivesInitOnly(MemberUse use) => use.Kind switch
    {
        MemberUseKind.Read => true,
        MemberUseKind.Write => (use.Context & (MemberUseContext.DerivedConstruction | MemberUseContext.NewObjectInitializer)) != 0,
        _ => false,
    };

    /// <summary>
    /// Whether the Stm generator will implement a partial property of <paramref name="type"/> declared in
    /// <paramref name="containingType"/>: the generator's own checks (a supported <c>[Transactional]</c> class, a type it
    /// can store), and partial properties in the language version (C# 13, else CS8703). Anything else leaves a partial
    /// property without implementation (CS9248).
    /// </summary>
    private static bool GeneratorImplements(INamedTypeSymbol containingType, ITypeSymbol type, SyntaxTree tree) =>
        TransactionalChecks.SupportsPartialProperties(tree)
        && TransactionalChecks.IsImplemented(containingType)
        && TransactionalChecks.CheckPropertyType(type) == UnsupportedPropertyReason.None;

    private static bool ImplementsInterfaceSetter(IPropertySymbol property)
    {
        foreach (INamedTypeSymbol @interface in property.ContainingType.AllInterfaces)
        {
            foreach (ISymbol member in @interface.GetMembers(property.Name))
            {
                if (member is IPropertySymbol { SetMethod: not null } interfaceProperty
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType.FindImplementationForInterfaceMember(interfaceProperty), property))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What the attribute's <c>[AttributeUsage]</c> (inherited from a base attribute class too) says about properties.</summary>
    private static bool IsValidOnProperties(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass)
        {
            return false;
        }

        for (INamedTypeSymbol? type = attributeClass; type is not null; type = type.BaseType)
        {
            foreach (AttributeData usage in type.GetAttributes())
            {
                if (usage.AttributeClass is { Name: nameof(AttributeUsageAttribute), ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                    && usage.ConstructorArguments.Length == 1
                    && usage.ConstructorArguments[0].Value is int targets)
                {
                    return (targets & (int)AttributeTargets.Property) != 0;
                }
            }
        }

        return true; // no [AttributeUsage]: valid on everything
    }
}
