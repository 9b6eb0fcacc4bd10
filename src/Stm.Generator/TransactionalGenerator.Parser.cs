using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stm.Generator.Helpers;
using Stm.Generator.Model;
using Stm.Shared;

namespace Stm.Generator;

public sealed partial class TransactionalGenerator
{
    /// <summary>Turns the symbols of one <c>[Transactional]</c> class into a <see cref="TransactionalTypeSpec"/>.</summary>
    internal static class Parser
    {
        /// <summary><c>global::</c> names, special type keywords, nullable annotations and tuple names kept.</summary>
        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static TransactionalTypeSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type
                || !TransactionalChecks.SupportsPartialProperties(context.TargetNode.SyntaxTree) // C# 12 and older: CS8703 at every partial property already
                || !InvalidInput.IsFirstAttributedDeclaration(context, type, cancellationToken)
                // Supported and not malformed (MalformedDeclarations: a file would only add errors): the same test a
                // derived class makes of this one when it decides whether to declare a header of its own.
                || !TransactionalChecks.IsImplemented(type, cancellationToken))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var aliases = new AliasScope(context.SemanticModel.Compilation);
            string runtimeRoot = aliases.RootOf(context.Attributes[0].AttributeClass?.ContainingAssembly);
            var properties = new List<PropertySpec>();
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IPropertySymbol property
                    && !InvalidInput.IsDeclaredTwice(type, property) // CS0102 on the user's declarations; two implementations would repeat it in the file
                    && TransactionalChecks.ClassifyMember(property).Kind == TransactionalMemberKind.TransactionalProperty
                    && ParseProperty(property, aliases, cancellationToken) is { } spec)
                {
                    properties.Add(spec);
                }
            }

            properties.Sort(static (x, y) => string.CompareOrdinal(x.Name, y.Name));

            return new TransactionalTypeSpec(
                HintNameBase: HintNameBase(type),
                Namespace: type.ContainingNamespace is { IsGlobalNamespace: false } ns ? NamespaceName(ns) : null,
                ContainingTypes: ContainingTypes(type),
                Keyword: type.IsRecord ? "record" : "class",
                Name: NameWithTypeParameters(type),
                ConstructorName: Escape(type.Name),
                FullyQualifiedName: TypeName(type, aliases),
                IsSealed: type.IsSealed,
                IsRoot: !TransactionalChecks.HasTransactionalBase(type, cancellationToken),
                Properties: new EquatableArray<PropertySpec>(properties.ToArray()),
                Record: type.IsRecord ? RecordParser.Parse(type, aliases, cancellationToken) : null,
                ExperimentalIds: ExperimentalIds.Collect(type, cancellationToken),
                RuntimeRoot: runtimeRoot,
                ExternAliases: aliases.Used);
        }

        /// <summary>The type written the way the generated code spells it.</summary>
        /// <remarks>
        /// The display format escapes reserved keywords only; a type parameter named with a contextual keyword
        /// (<c>@record</c>, <c>@required</c>, <c>@partial</c>) would be printed bare and read as the keyword. It also
        /// roots every name in <c>global::</c>, which does not reach an assembly referenced under extern aliases only:
        /// such a name is rooted in its alias instead (<paramref name="aliases"/> notes it for the file to declare).
        /// </remarks>
        public static string TypeName(ITypeSymbol type, AliasScope aliases)
        {
            var name = new StringBuilder();
            ImmutableArray<SymbolDisplayPart> parts = type.ToDisplayParts(s_typeFormat);
            for (int i = 0; i < parts.Length; i++)
            {
                SymbolDisplayPart part = parts[i];
                if (part.Kind == SymbolDisplayPartKind.TypeParameterName)
                {
                    name.Append(Escape(part.ToString()));
                }
                else if (part.Kind == SymbolDisplayPartKind.Keyword && part.ToString() == AliasScope.Global
                    && i + 1 < parts.Length && parts[i + 1].ToString() == "::")
                {
                    name.Append(aliases.RootOf(NamedTypeAfter(parts, i)?.ContainingAssembly));
                }
                else
                {
                    name.Append(part.ToString());
                }
            }

            return name.ToString();
        }

        /// <summary>The type a <c>global::</c> at <paramref name="index"/> starts the name of: the first type after its namespaces.</summary>
        private static INamedTypeSymbol? NamedTypeAfter(ImmutableArray<SymbolDisplayPart> parts, int index)
        {
            for (int i = index + 1; i < parts.Length; i++)
            {
                switch (parts[i].Symbol)
                {
                    case INamedTypeSymbol type:
                        return type;
                    case INamespaceSymbol:
                    case null: // '::' and '.'
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>Escapes C# keywords used as identifiers (<c>@class</c>).</summary>
        /// <remarks>Contextual keywords are escaped too (<c>@record</c>, <c>@value</c>): always legal, never ambiguous.</remarks>
        public static string Escape(string identifier) =>
            SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
                ? "@" + identifier
                : identifier;

        /// <summary>A C# string literal holding <paramref name="text"/>.</summary>
        public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        private static PropertySpec? ParseProperty(IPropertySymbol property, AliasScope aliases, CancellationToken cancellationToken)
        {
            if (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration
                || declaration.AccessorList is not { } accessors)
            {
                return null;
            }

            // The implementation must repeat the definition's modifiers. Accessibility is mirrored as written
            // (an omitted one must stay omitted); the others come from the symbol. Declarations with repeated or
            // contradictory modifiers never get here (TransactionalChecks rejects them as InvalidDeclaration).
            string getterModifiers = "";
            string setterModifiers = "";
            foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
            {
                if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    getterModifiers = AccessibilityAsWritten(accessor.Modifiers);
                }
                else
                {
                    setterModifiers = AccessibilityAsWritten(accessor.Modifiers);
                }
            }

            ITypeSymbol type = property.Type;
            string name = property.Name;
            bool needsDefault = !type.IsValueType && type.NullableAnnotation != NullableAnnotation.Annotated;
            return new PropertySpec(
                Name: Escape(name),
                NameLiteral: Literal(name),
                BackingFieldName: "__stm_" + name,
                PropertyFieldName: "__stmProperty_" + name,
                Type: TypeName(type, aliases),
                ReadType: type.TypeKind != TypeKind.Dynamic ? TypeName(type, aliases)
                    : type.NullableAnnotation == NullableAnnotation.Annotated ? "object?" : "object",
                ReaderName: "__stmGet_" + name,
                WriterName: "__stmSet_" + name,
                Modifiers: PropertyModifiers(property, declaration),
                GetterModifiers: getterModifiers,
                SetterModifiers: setterModifiers,
                IsInit: property.SetMethod!.IsInitOnly,
                ValueExpression: type.TypeKind != TypeKind.Dynamic ? "value"
                    : type.NullableAnnotation == NullableAnnotation.Annotated ? "(object?)value" : "(object)value",
                NeedsDefaultInitializer: needsDefault,
                SetterAssertsBackingField: needsDefault && property.ContainingType.IsRecord && RecordParser.HasUserCopyConstructor(property.ContainingType),
                HidesGeneratedMembers: HidesGeneratedMembersOfOuterBase(property, cancellationToken),
                SuppressNullableWarnings: HasNullableAnalysisAttribute(property));
        }

        /// <summary>
        /// Whether a nullable-analysis attribute (<c>System.Diagnostics.CodeAnalysis</c>: <c>AllowNull</c>, <c>DisallowNull</c>,
        /// <c>MaybeNull</c>, <c>NotNull</c>, ...) is on the property, its getter's return or its setter's value.
        /// </summary>
        private static bool HasNullableAnalysisAttribute(IPropertySymbol property)
        {
            return property.GetAttributes().Any(IsNullableAnalysisAttribute)
                || (property.GetMethod?.GetReturnTypeAttributes().Any(IsNullableAnalysisAttribute) ?? false)
                || (property.SetMethod?.Parameters.Any(p => p.GetAttributes().Any(IsNullableAnalysisAttribute)) ?? false);
        }

        private static bool IsNullableAnalysisAttribute(AttributeData attribute) =>
            attribute.AttributeClass is { ContainingNamespace: { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } type
            && type.Name is "AllowNullAttribute" or "DisallowNullAttribute" or "MaybeNullAttribute" or "NotNullAttribute"
                or "MaybeNullWhenAttribute" or "NotNullWhenAttribute" or "NotNullIfNotNullAttribute";

        /// <summary>
        /// Whether a containing type that is also a base class of the property's class implements a transactional
        /// property of the same name: the generated members of both then have the same names, and the outer one's private
        /// members are visible in the nested class (<c>class C { class D : C { } }</c>). Only an outer class this
        /// generator implements has such members: one it rejects (STM0001) has none to hide, and <c>new</c> would be CS0109.
        /// </summary>
        private static bool HidesGeneratedMembersOfOuterBase(IPropertySymbol property, CancellationToken cancellationToken)
        {
            INamedTypeSymbol type = property.ContainingType;
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (!DerivesFrom(type, outer.OriginalDefinition) || !TransactionalChecks.IsImplemented(outer, cancellationToken))
                {
                    continue;
                }

                foreach (ISymbol member in outer.GetMembers(property.Name))
                {
                    if (member is IPropertySymbol outerProperty
                        && TransactionalChecks.ClassifyMember(outerProperty).Kind == TransactionalMemberKind.TransactionalProperty)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseDefinition)
        {
            for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The definition's modifiers, as the implementing declaration must repeat them (without <c>partial</c>).</summary>
        private static string PropertyModifiers(IPropertySymbol property, PropertyDeclarationSyntax declaration)
        {
            var modifiers = new List<string>();
            string accessibility = AccessibilityAsWritten(declaration.Modifiers);
            if (accessibility.Length > 0)
            {
                modifiers.Add(accessibility);
            }

            if (declaration.Modifiers.Any(SyntaxKind.NewKeyword))
            {
                modifiers.Add("new");
            }

            if (property.IsVirtual)
            {
                modifiers.Add("virtual");
            }

            if (property.IsSealed)
            {
                modifiers.Add("sealed");
            }

            if (property.IsOverride)
            {
                modifiers.Add("override");
            }

            if (property.IsRequired)
            {
                modifiers.Add("required");
            }

            if (declaration.Modifiers.Any(SyntaxKind.UnsafeKeyword))
            {
                modifiers.Add("unsafe");
            }

            return string.Join(" ", modifiers);
        }

        /// <summary>The accessibility keywords of a (validated) modifier list, in canonical order.</summary>
        private static string AccessibilityAsWritten(SyntaxTokenList modifiers)
        {
            bool isPublic = modifiers.Any(SyntaxKind.PublicKeyword);
            bool isInternal = modifiers.Any(SyntaxKind.InternalKeyword);
            bool isProtected = modifiers.Any(SyntaxKind.ProtectedKeyword);
            bool isPrivate = modifiers.Any(SyntaxKind.PrivateKeyword);
            return (isPublic, isInternal, isProtected, isPrivate) switch
            {
                (true, _, _, _) => "public",
                (_, true, true, _) => "protected internal",
                (_, _, true, true) => "private protected",
                (_, true, _, _) => "internal",
                (_, _, true, _) => "protected",
                (_, _, _, true) => "private",
                _ => "",
            };
        }

        /// <summary>
        /// <c>Namespace.Outer+Inner`1</c>: unique per type (nesting and arity included) and stable. Characters
        /// Roslyn refuses in hint names (identifiers may hold any Unicode letter, combining mark or connector)
        /// become <c>_</c>, and then a hash of the exact name keeps two such names apart.
        /// </summary>
        private static string HintNameBase(INamedTypeSymbol type)
        {
            var builder = new StringBuilder();
            if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
                    .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None))).Append('.');
            }

            var chain = new Stack<INamedTypeSymbol>();
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                chain.Push(current);
            }

            bool first = true;
            foreach (INamedTypeSymbol current in chain)
            {
                builder.Append(first ? "" : "+").Append(current.MetadataName);
                first = false;
            }

            string exact = builder.ToString();
            bool changed = false;
            for (int i = 0; i < builder.Length; i++)
            {
                char c = builder[i];
                bool allowed = c is '.' or '+' or '`' or '_' or '-' || (c < 128 ? char.IsLetterOrDigit(c) : char.IsLetterOrDigit(c) && !char.IsSurrogate(c));
                if (!allowed)
                {
                    builder[i] = '_';
                    changed = true;
                }
            }

            return changed ? builder.Append('.').Append(StableHash(exact).ToString("x8", CultureInfo.InvariantCulture)).ToString() : exact;
        }

        /// <summary>FNV-1a: stable across runs, machines and frameworks (unlike <c>string.GetHashCode</c>).</summary>
        public static uint StableHash(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash;
        }

        private static string NamespaceName(INamespaceSymbol ns)
        {
            var parts = new Stack<string>();
            for (INamespaceSymbol? current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                parts.Push(Escape(current.Name));
            }

            return string.Join(".", parts);
        }

        private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
        {
            var chain = new List<ContainingTypeSpec>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                chain.Add(new ContainingTypeSpec(Keyword(outer), NameWithTypeParameters(outer)));
            }

            chain.Reverse();
            return new EquatableArray<ContainingTypeSpec>(chain.ToArray());
        }

        private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Interface => "interface",
            TypeKind.Struct when type.IsRecord => "record struct",
            TypeKind.Struct => "struct",
            _ when type.IsRecord => "record",
            _ => "class",
        };

        /// <summary>A containing interface's variance modifiers must be repeated in every partial declaration (CS1067).</summary>
        private static string Variance(ITypeParameterSymbol parameter) => parameter.Variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => "",
        };

        private static string NameWithTypeParameters(INamedTypeSymbol type)
        {
            string name = Escape(type.Name);
            return type.TypeParameters.IsEmpty
                ? name
                : name + "<" + string.Join(", ", type.TypeParameters.Select(static p => Variance(p) + Escape(p.Name))) + ">";
        }
    }
}
