using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stm.Generator.Helpers;
using Stm.Generator.Model;
using Stm.Shared;

namespace Stm.Generator;

public sealed partial class TransactionalGenerator
{
    /// <summary>
    /// Reads what a <c>record class</c> needs beyond its properties: which synthesized members the user
    /// replaced, and the instance state that equality, printing and copying must go through.
    /// </summary>
    internal static class RecordParser
    {
        public static RecordSpec Parse(INamedTypeSymbol type, AliasScope aliases, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? baseType = type.BaseType;
            bool hasBaseRecord = baseType is { IsRecord: true };
            var members = new List<RecordMemberSpec>();
            bool nameable = true;
            Dictionary<ISymbol, string> backingFields = BackingFieldNames(type);
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ParseMember(member, backingFields, aliases, "__stmMember" + members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } spec)
                {
                    members.Add(spec);
                    nameable &= IsNameable(type, member, cancellationToken);
                }
            }

            bool baseIsPossible = baseType is null || hasBaseRecord || baseType.SpecialType == SpecialType.System_Object;
            if (!nameable || !baseIsPossible || DeclaresStateNamedLikeRecordMember(type) || s_synthesizedMemberNames.Contains(type.Name))
            {
                // A member the generated members cannot name (IsNameable), a base class that is not a record (CS8864), a
                // field or property named like a member the compiler synthesizes (CS0102 at the user's declaration), or a
                // record named like one (CS0542 at the user's declaration, for the member the compiler would synthesize):
                // the compiler reports it, and record members naming it would only add errors. Nothing is emitted.
                return new RecordSpec(null, false, false, false, false, false, false, EquatableArray<RecordMemberSpec>.Empty);
            }

            return new RecordSpec(
                BaseRecordType: hasBaseRecord ? Parser.TypeName(baseType!, aliases) : null,
                EmitEquals: !HasUserMethod(type, "Equals", parameter: type),
                EmitGetHashCode: !HasUserMethod(type, "GetHashCode", parameter: null),
                EmitPrintMembers: !HasUserMethod(type, "PrintMembers", parameter: null, parameterCount: 1),
                EmitCopyConstructor: !HasUserCopyConstructor(type),
                SetsRequiredMembers: HasRequiredMembers(type),
                IsUnsafe: members.Exists(static m => m.IsPointer),
                Members: new EquatableArray<RecordMemberSpec>(members.ToArray()));
        }

        private static RecordMemberSpec? ParseMember(ISymbol member, Dictionary<ISymbol, string> backingFields, AliasScope aliases, string accessorName)
        {
            if (member.IsStatic || TransactionalChecks.IsGeneratedByStm(member))
            {
                return null;
            }

            switch (member)
            {
                case IFieldSymbol field when !field.IsConst:
                    if (field.AssociatedSymbol is IPropertySymbol)
                    {
                        return null; // the property stands for its backing field
                    }

                    if (field.AssociatedSymbol is IEventSymbol)
                    {
                        return null; // the event stands for its backing field (below)
                    }

                    if (field.IsImplicitlyDeclared)
                    {
                        return null;
                    }

                    return Create(field.Name, field.Type, RecordMemberKind.Field, field.DeclaredAccessibility == Accessibility.Public, backingField: null, FieldAccess(field, field.MetadataName), aliases, accessorName);

                case IPropertySymbol property when !property.IsIndexer && !property.IsImplicitlyDeclared && !property.IsOverride:
                    MemberClassification classification = TransactionalChecks.ClassifyMember(property);
                    bool printed = property.DeclaredAccessibility == Accessibility.Public
                        && property.GetMethod is { DeclaredAccessibility: Accessibility.Public };
                    return classification.Kind switch
                    {
                        TransactionalMemberKind.TransactionalProperty =>
                            Create(property.Name, property.Type, RecordMemberKind.TransactionalProperty, printed, "__stm_" + property.Name, GetterAccess(property), aliases, accessorName),
                        TransactionalMemberKind.ImmutableProperty or TransactionalMemberKind.MutableProperty =>
                            Create(property.Name, property.Type, RecordMemberKind.AutoProperty, printed, backingField: null, AutoPropertyAccess(property, backingFields), aliases, accessorName),
                        TransactionalMemberKind.NotState when printed && property.Name != "EqualityContract" =>
                            Create(property.Name, property.Type, RecordMemberKind.ComputedProperty, printed, backingField: null, GetterAccess(property), aliases, accessorName),
                        _ => null, // unsupported partial properties have no state the generator knows of
                    };

                case IEventSymbol @event when TransactionalChecks.IsFieldLikeEvent(@event):
                    // Its backing field is record state (the compiler's copy constructor copies the delegate, its equality
                    // compares it), though GetMembers lists the event only. Inside the record its name names that field.
                    return Create(@event.Name, @event.Type, RecordMemberKind.Field, printed: false, backingField: null, FieldAccess(@event, @event.MetadataName), aliases, accessorName);

                default:
                    return null;
            }
        }

        /// <summary>The metadata names of the compiler's backing fields, by the property (or event) they belong to.</summary>
        private static Dictionary<ISymbol, string> BackingFieldNames(INamedTypeSymbol type)
        {
            var names = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: IPropertySymbol property } field)
                {
                    names[property] = field.MetadataName;
                }
            }

            return names;
        }

        private static (RecordMemberAccess, string?) FieldAccess(ISymbol member, string fieldName) =>
            IsObsoleteError(member) ? (RecordMemberAccess.Field, fieldName) : (RecordMemberAccess.Name, null);

        private static (RecordMemberAccess, string?) GetterAccess(IPropertySymbol property) =>
            IsObsoleteError(property) || IsObsoleteError(property.GetMethod) || !property.ExplicitInterfaceImplementations.IsEmpty
                ? (RecordMemberAccess.Getter, property.GetMethod?.MetadataName)
                : (RecordMemberAccess.Name, null);

        /// <summary>An auto property the generated code cannot name is reached through its backing field: reads and copies alike.</summary>
        private static (RecordMemberAccess, string?) AutoPropertyAccess(IPropertySymbol property, Dictionary<ISymbol, string> backingFields)
        {
            bool unnameable = IsObsoleteError(property) || IsObsoleteError(property.GetMethod) || IsObsoleteError(property.SetMethod)
                || !property.ExplicitInterfaceImplementations.IsEmpty;
            return unnameable && backingFields.TryGetValue(property, out string? field)
                ? (RecordMemberAccess.Field, field)
                : (RecordMemberAccess.Name, null);
        }

        /// <summary><c>[Obsolete(message, true)]</c>: naming the member is error CS0619, which no pragma suppresses.</summary>
        private static bool IsObsoleteError(ISymbol? member)
        {
            if (member is null)
            {
                return false;
            }

            foreach (AttributeData attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[1].Value is true)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether generated record members can name <paramref name="member"/> soundly. Not when the compiler rejects it:
        /// its type does not resolve or is <c>void</c> (CS0547), it has no name (CS1001), its declaration has a syntax
        /// error, another field or property of the record has its name (CS0102; naming either is ambiguous, CS0229), or it
        /// is an explicit interface implementation that implements nothing (CS0538, CS0539: its name keeps the dotted
        /// interface name, which names nothing). Nor when its type is file-local, which another file cannot name.
        /// </summary>
        private static bool IsNameable(INamedTypeSymbol record, ISymbol member, CancellationToken cancellationToken)
        {
            ITypeSymbol? type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (type is not null
                && (type.SpecialType == SpecialType.System_Void
                    || TransactionalChecks.ContainsType(type, static t => t.TypeKind == TypeKind.Error || t is INamedTypeSymbol { IsFileLocal: true })))
            {
                return false;
            }

            if (member.Name.Length == 0
                || (member is IPropertySymbol { ExplicitInterfaceImplementations.IsEmpty: true } && member.Name.IndexOf('.') >= 0)
                || InvalidInput.IsDeclaredTwice(record, member))
            {
                return false;
            }

            foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
            {
                SyntaxNode syntax = reference.GetSyntax(cancellationToken);
                if (MalformedDeclarations.HasSyntaxError(syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? syntax))
                {
                    return false;
                }
            }

            return true;
        }

        private static RecordMemberSpec Create(
            string name, ITypeSymbol type, RecordMemberKind kind, bool printed, string? backingField, (RecordMemberAccess Kind, string? Target) access, AliasScope aliases, string accessorName) =>
            new(
                Name: Parser.Escape(name),
                NameLiteral: Parser.Literal(name),
                Type: Parser.TypeName(type, aliases),
                Kind: kind,
                // C# cannot box a type parameter that allows ref structs (CS0030), nor call ToString on it; the
                // compiler's own PrintMembers boxes it behind C#'s back. Only a computed property can have such a type.
                IsPrinted: printed && type is not ITypeParameterSymbol { AllowsRefLikeType: true },
                IsValueType: type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T,
                IsPointer: TransactionalChecks.ContainsType(type, static t => t.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer), // arrays of pointers too
                IsDynamic: type.TypeKind == TypeKind.Dynamic,
                BackingFieldName: backingField,
                Access: access.Target is null ? RecordMemberAccess.Name : access.Kind,
                AccessorTarget: access.Target is null ? null : Parser.Literal(access.Target),
                AccessorName: access.Target is null ? null : accessorName);

        /// <summary>A field, property or nested type named <c>Equals</c>, <c>GetHashCode</c>, <c>PrintMembers</c>, <c>ToString</c> or <c>EqualityContract</c>.</summary>
        /// <summary>The members the compiler synthesizes for a record (or this generator emits in their place), by name.</summary>
        private static readonly string[] s_synthesizedMemberNames = ["Equals", "GetHashCode", "PrintMembers", "ToString", "EqualityContract"];

        private static bool DeclaresStateNamedLikeRecordMember(INamedTypeSymbol type)
        {
            foreach (string name in s_synthesizedMemberNames)
            {
                foreach (ISymbol member in type.GetMembers(name))
                {
                    if (member is not IMethodSymbol && !member.IsImplicitlyDeclared)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasUserMethod(INamedTypeSymbol type, string name, ITypeSymbol? parameter, int parameterCount = -1)
        {
            int expectedCount = parameterCount >= 0 ? parameterCount : parameter is null ? 0 : 1;
            foreach (ISymbol member in type.GetMembers(name))
            {
                if (member is IMethodSymbol { IsImplicitlyDeclared: false, IsStatic: false } method
                    && method.Parameters.Length == expectedCount
                    && (parameter is null || SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, parameter)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The user wrote the copy constructor (which, unlike other constructors, runs no field initializers).</summary>
        public static bool HasUserCopyConstructor(INamedTypeSymbol type)
        {
            foreach (IMethodSymbol constructor in type.InstanceConstructors)
            {
                if (!constructor.IsImplicitlyDeclared
                    && constructor.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasRequiredMembers(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
