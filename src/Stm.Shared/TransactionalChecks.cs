// Shared by Stm.Generator and Stm.Analyzers (linked source, not a project): keep the API small and stable.
// These are the declaration rules of the product (docs/generator.md): the generator implements exactly
// what they accept, and the analyzers (STM0001-STM0005) report what they reject, so the two never disagree.
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stm.Shared;

/// <summary>Declaration checks for <c>[Transactional]</c> classes and their members.</summary>
internal static class TransactionalChecks
{
    /// <summary>Metadata name of the attribute that marks a transactional class (defined in Stm.Runtime).</summary>
    public const string TransactionalAttributeMetadataName = "Stm.TransactionalAttribute";

    /// <summary>Metadata name of the interface the generator implements on every root transactional class.</summary>
    public const string TransactionalObjectMetadataName = "Stm.Internal.ITransactionalObject";

    /// <summary>The tool name the generator writes in the <c>[GeneratedCode]</c> attribute of everything it emits.</summary>
    public const string GeneratorToolName = "Stm.Generator";

    /// <summary>Decides whether a type marked <c>[Transactional]</c> can be implemented by the generator.</summary>
    /// <param name="type">The type carrying the attribute.</param>
    /// <param name="cancellationToken">Cancels the syntax walk.</param>
    /// <returns><see cref="TransactionalTypeStatus.Supported"/> or the first reason it is not.</returns>
    public static TransactionalTypeStatus CheckType(INamedTypeSymbol type, CancellationToken cancellationToken = default)
    {
        switch (type.TypeKind)
        {
            case TypeKind.Class:
                break;
            case TypeKind.Struct:
                return type.IsRecord ? TransactionalTypeStatus.RecordStruct : TransactionalTypeStatus.Struct;
            case TypeKind.Interface:
                return TransactionalTypeStatus.Interface;
            default:
                return TransactionalTypeStatus.NotAClass;
        }

        if (type.IsStatic)
        {
            return TransactionalTypeStatus.Static;
        }

        if (!AllDeclarationsPartial(type, cancellationToken))
        {
            return TransactionalTypeStatus.NotPartial;
        }

        for (INamedTypeSymbol? outer = type; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsFileLocal)
            {
                return TransactionalTypeStatus.FileLocal;
            }

            if (!ReferenceEquals(outer, type) && !AllDeclarationsPartial(outer, cancellationToken))
            {
                return TransactionalTypeStatus.ContainingTypeNotPartial;
            }
        }

        if (HidesOuterTypeParameter(type))
        {
            return TransactionalTypeStatus.HiddenTypeParameter;
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.TypeKind == TypeKind.Error)
            {
                return TransactionalTypeStatus.InvalidBaseType;
            }

            if (!HasTransactionalAttribute(current) && DeclaresTransactionalObject(current))
            {
                return TransactionalTypeStatus.HandWrittenTransactionalBase;
            }
        }

        if (DeclaresReservedName(type))
        {
            return TransactionalTypeStatus.ReservedMemberName;
        }

        if (ShadowsGeneratedName(type.ContainingAssembly))
        {
            return TransactionalTypeStatus.ShadowedGeneratedName;
        }

        return TransactionalTypeStatus.Supported;
    }

    /// <summary>The runtime types the generated code names as <c>global::Stm.Internal.X</c> (the generator's <c>RuntimeNames</c>; a generator test fails when the emitted code names one that is missing here).</summary>
    private static readonly string[] s_runtimeTypesNamed =
        ["Barrier", "TxHeader", "ITransactionalObject", "TransactionalProperty", "TransactionContext"];

    /// <summary>
    /// The namespaces the generated code names through <c>global::</c> (a generator test fails when the emitted code names
    /// one that is missing here). <c>Stm</c> itself is not among them: a global type of that name is reached through the
    /// extern alias the project then needs anyway.
    /// </summary>
    private static readonly string[] s_namespacesNamed =
    [
        "System", "System.CodeDom", "System.CodeDom.Compiler", "System.Collections", "System.Collections.Generic",
        "System.ComponentModel", "System.Diagnostics", "System.Diagnostics.CodeAnalysis", "System.Runtime",
        "System.Runtime.CompilerServices", "System.Runtime.Versioning", "System.Text", "Stm.Internal",
    ];

    /// <summary>
    /// Whether <paramref name="assembly"/> (the project's own) declares a type that the generated code's names would bind
    /// to instead of the namespace or runtime type they mean: a type whose full name is a namespace the code names
    /// (<c>System</c> in the global namespace, a class <c>Text</c> in <c>System</c>, a class <c>Internal</c> in <c>Stm</c>:
    /// a type there wins over a referenced namespace of that name, CS0437, and <c>global::System.Text.StringBuilder</c>
    /// then names nothing), or <c>Stm.Internal.Barrier</c> and the other runtime types the accessors call (the project's
    /// own type wins, CS0436).
    /// </summary>
    private static bool ShadowsGeneratedName(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        foreach (string name in s_namespacesNamed)
        {
            if (assembly.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
        }

        foreach (string name in s_runtimeTypesNamed)
        {
            if (assembly.GetTypeByMetadataName("Stm.Internal." + name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether code in <paramref name="tree"/> may declare partial properties (C# 13 or later). Below it every partial
    /// property is CS8703 already: the generator emits nothing there, and the STM0002 fix offers no partial property.
    /// </summary>
    public static bool SupportsPartialProperties(SyntaxTree tree) =>
        tree.Options is not CSharpParseOptions options || options.LanguageVersion >= LanguageVersion.CSharp13;

    /// <summary>The prefix of every member name the generator emits.</summary>
    public const string ReservedPrefix = "__stm";

    /// <summary>Classifies one member of a <c>[Transactional]</c> class (call it for each of <c>type.GetMembers()</c>).</summary>
    /// <param name="member">A member of the class.</param>
    /// <returns>The member's kind, with a reason for unsupported partial properties.</returns>
    public static MemberClassification ClassifyMember(ISymbol member)
    {
        if (IsGeneratedByStm(member))
        {
            return new MemberClassification(TransactionalMemberKind.Generated);
        }

        switch (member)
        {
            case IFieldSymbol field:
                return ClassifyField(field);
            case IPropertySymbol property:
                return ClassifyProperty(property);
            default:
                return new MemberClassification(TransactionalMemberKind.NotState);
        }
    }

    /// <summary>
    /// Whether a class is already transactional through a base class, so it must use the base's header
    /// instead of declaring its own. True when some base class implements <c>ITransactionalObject</c>
    /// (compiled elsewhere) or is a supported <c>[Transactional]</c> class of this compilation (whose
    /// generated part the generator's own compilation cannot see yet).
    /// </summary>
    public static bool HasTransactionalBase(INamedTypeSymbol type, CancellationToken cancellationToken = default)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (INamedTypeSymbol @interface in current.AllInterfaces)
            {
                if (IsMetadataName(@interface, TransactionalObjectMetadataName))
                {
                    return true;
                }
            }

            if (current.Locations.Length > 0 && current.Locations[0].IsInSource && IsImplemented(current, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the generator implements <paramref name="type"/>: it carries <c>[Stm.Transactional]</c>, its status is
    /// <see cref="TransactionalTypeStatus.Supported"/> and its declaration is not malformed
    /// (<see cref="MalformedDeclarations"/>); a class it rejects gets no generated members at all.
    /// </summary>
    public static bool IsImplemented(INamedTypeSymbol type, CancellationToken cancellationToken = default) =>
        HasTransactionalAttribute(type)
        && !MalformedDeclarations.Any(type, cancellationToken)
        && CheckType(type, cancellationToken) == TransactionalTypeStatus.Supported;

    /// <summary>
    /// Whether <paramref name="event"/> is field-like: declared without <c>add</c>/<c>remove</c> accessors, so the compiler
    /// keeps its delegate in a hidden field of the object (not an abstract, extern or explicit one, which has no field, nor a
    /// partial one, whose implementation part has accessors). Record members copy that field; STM0002 reports it.
    /// </summary>
    public static bool IsFieldLikeEvent(IEventSymbol @event) =>
        !@event.IsAbstract
        && !@event.IsExtern
        && !@event.IsPartialDefinition
        && @event.PartialDefinitionPart is null
        && @event.ExplicitInterfaceImplementations.IsEmpty
        && @event.AddMethod is { IsImplicitlyDeclared: true }
        && @event.RemoveMethod is { IsImplicitlyDeclared: true };

    /// <summary>Whether <paramref name="type"/> carries <c>[Stm.Transactional]</c> itself.</summary>
    public static bool HasTransactionalAttribute(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && IsMetadataName(attributeClass, TransactionalAttributeMetadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a member was emitted by the Stm generator (it carries <c>[GeneratedCode("Stm.Generator", ...)]</c>).</summary>
    public static bool IsGeneratedByStm(ISymbol member)
    {
        if (HasStmGeneratedCodeAttribute(member))
        {
            return true;
        }

        // A generated property implementation part: the analyzers see the definition symbol, whose
        // implementation part carries the attribute.
        return member is IPropertySymbol { PartialImplementationPart: { } implementation } && HasStmGeneratedCodeAttribute(implementation);
    }

    private static MemberClassification ClassifyField(IFieldSymbol field)
    {
        if (field.IsStatic || field.IsConst || field.IsImplicitlyDeclared || field.AssociatedSymbol is not null)
        {
            // Backing fields of auto properties and field-like events are classified through their owner.
            return new MemberClassification(TransactionalMemberKind.NotState);
        }

        return new MemberClassification(field.IsReadOnly ? TransactionalMemberKind.ImmutableField : TransactionalMemberKind.MutableField);
    }

    private static MemberClassification ClassifyProperty(IPropertySymbol property)
    {
        bool isPartial = property.IsPartialDefinition || property.PartialDefinitionPart is not null;
        if (isPartial)
        {
            UnsupportedPropertyReason reason = CheckPartialProperty(property);
            return reason == UnsupportedPropertyReason.None
                ? new MemberClassification(TransactionalMemberKind.TransactionalProperty)
                : new MemberClassification(TransactionalMemberKind.UnsupportedPartialProperty, reason);
        }

        if (property.IsStatic || property.IsIndexer || property.IsImplicitlyDeclared || !HasBackingField(property))
        {
            return new MemberClassification(TransactionalMemberKind.NotState);
        }

        bool immutable = property.SetMethod is null || property.SetMethod.IsInitOnly;
        return new MemberClassification(immutable ? TransactionalMemberKind.ImmutableProperty : TransactionalMemberKind.MutableProperty);
    }

    private static UnsupportedPropertyReason CheckPartialProperty(IPropertySymbol property)
    {
        IPropertySymbol definition = property.PartialDefinitionPart ?? property;
        if (definition.PartialImplementationPart is not null)
        {
            return UnsupportedPropertyReason.HasImplementation;
        }

        if (definition.IsStatic)
        {
            return UnsupportedPropertyReason.Static;
        }

        if (definition.IsIndexer)
        {
            return UnsupportedPropertyReason.Indexer;
        }

        if (definition.ReturnsByRef || definition.ReturnsByRefReadonly)
        {
            return UnsupportedPropertyReason.RefReturning;
        }

        if (definition.IsAbstract || definition.IsExtern)
        {
            return UnsupportedPropertyReason.AbstractOrExtern;
        }

        // An explicit implementation's name holds its interface's ("I.X"), even when the interface does not bind (then
        // the list of implemented members is empty, and the dotted name would be printed into member names).
        if (!definition.ExplicitInterfaceImplementations.IsEmpty || definition.Name.IndexOf('.') >= 0)
        {
            return UnsupportedPropertyReason.ExplicitInterfaceImplementation;
        }

        if (definition.GetMethod is null || definition.SetMethod is null)
        {
            return UnsupportedPropertyReason.AccessorShape;
        }

        if (HasInvalidDeclaration(definition))
        {
            return UnsupportedPropertyReason.InvalidDeclaration;
        }

        return CheckPropertyType(definition.Type);
    }

    /// <summary>
    /// Whether the generator can implement a partial property of type <paramref name="type"/>: the part of the property
    /// checks that depends on the type alone. The STM0002 code fix asks it before turning a field or an auto property of
    /// that type into a partial property, so it never makes one the generator would skip.
    /// </summary>
    /// <returns><see cref="UnsupportedPropertyReason.None"/>, or why not.</returns>
    public static UnsupportedPropertyReason CheckPropertyType(ITypeSymbol type)
    {
        if (ContainsType(type, static t => t.TypeKind == TypeKind.Error))
        {
            return UnsupportedPropertyReason.ErrorType;
        }

        if (ContainsType(type, static t => t is INamedTypeSymbol { IsFileLocal: true }))
        {
            return UnsupportedPropertyReason.FileLocalType;
        }

        // void or a static class, also as a type argument or element type (CS0547, CS0722, CS0718): the compiler reports
        // it at the declaration; a backing field and accessors of that type would only repeat it (CS0670, CS0723, ...).
        if (HoldsTypeNoFieldCanHave(type))
        {
            return UnsupportedPropertyReason.InvalidDeclaration;
        }

        if (type.IsRefLikeType || type.SpecialType == SpecialType.System_TypedReference
            || type is ITypeParameterSymbol { AllowsRefLikeType: true })
        {
            return UnsupportedPropertyReason.RefLikeType;
        }

        // Arrays of pointers too: the generated accessors would need an unsafe context of their own.
        if (ContainsType(type, static t => t.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer))
        {
            return UnsupportedPropertyReason.PointerType;
        }

        return UnsupportedPropertyReason.None;
    }

    private static bool HasInvalidDeclaration(IPropertySymbol property)
    {
        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax declaration || declaration.ContainsDiagnostics)
            {
                return true;
            }

            if (!ValidModifierList(declaration.Modifiers))
            {
                return true;
            }

            foreach (AccessorDeclarationSyntax accessor in declaration.AccessorList?.Accessors ?? default)
            {
                if (!ValidModifierList(accessor.Modifiers))
                {
                    return true;
                }
            }

            SyntaxTokenList modifiers = declaration.Modifiers;
            bool isOverride = modifiers.Any(SyntaxKind.OverrideKeyword);
            if ((modifiers.Any(SyntaxKind.SealedKeyword) && !isOverride)
                || (isOverride && (modifiers.Any(SyntaxKind.VirtualKeyword) || modifiers.Any(SyntaxKind.NewKeyword))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No modifier twice, and at most one valid accessibility combination.</summary>
    private static bool ValidModifierList(SyntaxTokenList modifiers)
    {
        int accessibilityCount = 0;
        bool isPublic = false, isInternal = false, isProtected = false, isPrivate = false;
        for (int i = 0; i < modifiers.Count; i++)
        {
            SyntaxKind kind = modifiers[i].Kind();
            for (int j = 0; j < i; j++)
            {
                if (modifiers[j].IsKind(kind))
                {
                    return false;
                }
            }

            switch (kind)
            {
                case SyntaxKind.PublicKeyword:
                    isPublic = true;
                    accessibilityCount++;
                    break;
                case SyntaxKind.InternalKeyword:
                    isInternal = true;
                    accessibilityCount++;
                    break;
                case SyntaxKind.ProtectedKeyword:
                    isProtected = true;
                    accessibilityCount++;
                    break;
                case SyntaxKind.PrivateKeyword:
                    isPrivate = true;
                    accessibilityCount++;
                    break;
            }
        }

        // Alone, or "protected internal", or "private protected".
        return accessibilityCount <= 1
            || (accessibilityCount == 2 && isProtected && (isInternal || isPrivate) && !isPublic);
    }

    /// <summary>Whether <paramref name="type"/> itself lists <c>ITransactionalObject</c> among its interfaces.</summary>
    private static bool DeclaresTransactionalObject(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol @interface in type.Interfaces)
        {
            if (IsMetadataName(@interface, TransactionalObjectMetadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the class or one of its containing types has a type parameter named like a type parameter of a type
    /// further out (warning CS0693). Generated code names the class as <c>global::Outer&lt;T&gt;.Inner&lt;T&gt;</c>, and
    /// inside the class both <c>T</c>s bind to the inner one: there is no way to spell the outer one there.
    /// </summary>
    private static bool HidesOuterTypeParameter(INamedTypeSymbol type)
    {
        var names = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (ITypeParameterSymbol parameter in current.TypeParameters)
            {
                if (!names.Add(parameter.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DeclaresReservedName(INamedTypeSymbol type)
    {
        // The class's own name too: a member may not be named like its class (a backing field __stm_X in class __stm_X),
        // nor like one of its type parameters (the header field __stm in class C<__stm>).
        if (type.Name.StartsWith(ReservedPrefix, System.StringComparison.Ordinal))
        {
            return true;
        }

        foreach (ITypeParameterSymbol parameter in type.TypeParameters)
        {
            if (parameter.Name.StartsWith(ReservedPrefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        // Members of the class itself, and members of base classes that it can see (and would hide).
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (!member.IsImplicitlyDeclared
                    && member.Name.StartsWith(ReservedPrefix, System.StringComparison.Ordinal)
                    && (ReferenceEquals(current, type) || member.DeclaredAccessibility != Accessibility.Private)
                    && !IsGeneratedByStm(member))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/>, its element types, type arguments or containing types match.</summary>
    public static bool ContainsType(ITypeSymbol type, System.Func<ITypeSymbol, bool> predicate)
    {
        if (predicate(type))
        {
            return true;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return ContainsType(array.ElementType, predicate);
            case IPointerTypeSymbol pointer:
                return ContainsType(pointer.PointedAtType, predicate);
            case INamedTypeSymbol named:
                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    if (ContainsType(argument, predicate))
                    {
                        return true;
                    }
                }

                return named.ContainingType is { } containing && ContainsType(containing, predicate);
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>void</c> or a static class as the type, an array element or a type argument (also of a containing type). Not the
    /// containing types themselves: a class nested in a static class is an ordinary type.
    /// </summary>
    private static bool HoldsTypeNoFieldCanHave(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void || type is INamedTypeSymbol { IsStatic: true })
        {
            return true;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return HoldsTypeNoFieldCanHave(array.ElementType);
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    foreach (ITypeSymbol argument in current.TypeArguments)
                    {
                        if (HoldsTypeNoFieldCanHave(argument))
                        {
                            return true;
                        }
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether the compiler made a backing field for <paramref name="property"/>: an auto property, or one using <c>field</c>.</summary>
    public static bool HasBackingField(IPropertySymbol property)
    {
        foreach (ISymbol member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllDeclarationsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case TypeDeclarationSyntax declaration when declaration.Modifiers.Any(SyntaxKind.PartialKeyword):
                    continue;
                case CompilationUnitSyntax:
                    // The Program class of top-level statements: partial declarations of Program combine with it,
                    // so a generated part can too.
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool HasStmGeneratedCodeAttribute(ISymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } attributeClass
                && IsMetadataName(attributeClass, "System.CodeDom.Compiler.GeneratedCodeAttribute")
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string tool
                && tool == GeneratorToolName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMetadataName(INamedTypeSymbol type, string metadataName)
    {
        // Compare without allocating: walk the dotted name right to left against the containing namespaces.
        int end = metadataName.Length;
        ISymbol? current = type;
        while (current is INamedTypeSymbol or INamespaceSymbol { IsGlobalNamespace: false })
        {
            string name = current.MetadataName;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingSymbol is INamespaceSymbol { IsGlobalNamespace: true };
            }

            if (metadataName[start - 1] != (current.ContainingSymbol is INamedTypeSymbol ? '+' : '.'))
            {
                return false;
            }

            end = start - 1;
            current = current.ContainingSymbol;
        }

        return false;
    }
}
