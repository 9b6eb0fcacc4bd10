using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0001 (error): <c>[Transactional]</c> on a type the generator cannot implement (struct, static class, interface,
/// non-partial class or containing type, file-local class), and partial properties of such a class that the generator
/// skips. Uses <see cref="TransactionalChecks"/>, the same checks the generator applies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotAPartialClassAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the <see cref="TransactionalTypeStatus"/> name, so the fix knows whether adding <c>partial</c> helps.</summary>
    public const string StatusProperty = "Status";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.NotAPartialClass,
        title: "[Transactional] type or partial property the generator cannot implement",
        messageFormat: "'{0}' cannot be implemented by the Stm generator: {1}",
        RuleCategories.Design,
        DiagnosticSeverity.Error,
        description: "The Stm generator implements [Transactional] partial classes (also sealed, abstract, generic, nested in partial types, record class) and their body-less partial properties with { get; set; } or { get; init; }. For anything else it emits nothing, and this rule says why.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        TransactionalTypes.Register(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, StmSymbols symbols)
    {
        TransactionalTypeStatus status = TransactionalChecks.CheckType(type, context.CancellationToken);
        if (status != TransactionalTypeStatus.Supported)
        {
            if (TransactionalTypes.GetLocation(type) is { } location)
            {
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty.Add(StatusProperty, status.ToString());
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, type.Name, Explain(status)));
            }

            return;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            MemberClassification classification = TransactionalChecks.ClassifyMember(member);
            if (classification.Kind == TransactionalMemberKind.UnsupportedPartialProperty && TransactionalTypes.GetLocation(member) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, type.Name + "." + member.Name, Explain(classification.Reason, member)));
            }
        }
    }

    /// <summary>
    /// <see cref="Explain(UnsupportedPropertyReason)"/> for <paramref name="member"/>: a property typed by a type parameter
    /// that <c>allows ref struct</c> is not itself a ref struct, so the message names the type parameter.
    /// </summary>
    private static string Explain(UnsupportedPropertyReason reason, ISymbol member) =>
        reason == UnsupportedPropertyReason.RefLikeType && member is IPropertySymbol { Type: ITypeParameterSymbol { AllowsRefLikeType: true } typeParameter }
            ? "its type parameter '" + typeParameter.Name + "' allows ref structs ('allows ref struct'), which cannot be stored in a field"
            : Explain(reason);

    internal static string Explain(TransactionalTypeStatus status) => status switch
    {
        TransactionalTypeStatus.NotAClass => "[Transactional] applies to partial classes; an enum, delegate or other non-class type has no per-object state to track",
        TransactionalTypeStatus.Struct => "[Transactional] applies to classes; a struct is copied by value, so it cannot carry a per-object STM header. Make it a partial class",
        TransactionalTypeStatus.RecordStruct => "[Transactional] applies to classes; a record struct is copied by value, so it cannot carry a per-object STM header. Make it a partial record class",
        TransactionalTypeStatus.Interface => "[Transactional] applies to classes; an interface has no state to track",
        TransactionalTypeStatus.Static => "[Transactional] applies to classes with instances; a static class has none (keep shared state in a [Transactional] object)",
        TransactionalTypeStatus.NotPartial => "the class is not partial, so the generator cannot add the property implementations. Add the 'partial' modifier",
        TransactionalTypeStatus.ContainingTypeNotPartial => "a containing type is not partial, so the generator cannot add to the nested class. Add the 'partial' modifier to the containing types",
        TransactionalTypeStatus.FileLocal => "a file-local class cannot be extended by a generated file",
        TransactionalTypeStatus.ReservedMemberName => "it is named, declares or inherits a member whose name starts with '__stm', a prefix reserved for generated members; rename it",
        TransactionalTypeStatus.InvalidBaseType => "its base class does not resolve; fix the compiler error first",
        TransactionalTypeStatus.HandWrittenTransactionalBase => "a base class implements Stm.Internal.ITransactionalObject without being [Transactional], and the generated code builds on a generated base part; mark the base [Transactional] (with partial properties) or derive from another class",
        TransactionalTypeStatus.ShadowedGeneratedName => "this project declares a type whose full name is a namespace the generated code uses ('System' in the global namespace, 'System.Text', 'Stm.Internal', ...), or a type in the 'Stm.Internal' namespace named like a runtime type (Barrier, TxHeader, ITransactionalObject, TransactionalProperty, TransactionContext), which hides the name the generated code uses for the framework or the Stm runtime; rename that type or move it into a namespace of its own",
        TransactionalTypeStatus.HiddenTypeParameter => "one of its type parameters, or of a containing type's, has the name of a containing type's type parameter (CS0693), and the generated code could not tell the two apart; rename the inner one",
        _ => "[Transactional] applies to partial classes only",
    };

    internal static string Explain(UnsupportedPropertyReason reason) => reason switch
    {
        UnsupportedPropertyReason.Static => "a static property is not per-object state; keep it in a [Transactional] object",
        UnsupportedPropertyReason.RefReturning => "a ref-returning property would let callers write around the barrier",
        UnsupportedPropertyReason.Indexer => "an indexer has no single backing field to put behind a barrier",
        UnsupportedPropertyReason.HasImplementation => "the partial property already has a hand-written implementation",
        UnsupportedPropertyReason.ErrorType => "its type does not resolve",
        UnsupportedPropertyReason.RefLikeType => "a ref struct cannot be stored in a field",
        UnsupportedPropertyReason.PointerType => "pointer types are not tracked",
        UnsupportedPropertyReason.AbstractOrExtern => "an abstract or extern property has nothing to implement",
        UnsupportedPropertyReason.AccessorShape => "only { get; set; } and { get; init; } partial properties are supported",
        UnsupportedPropertyReason.ExplicitInterfaceImplementation => "an explicit interface implementation is not supported",
        UnsupportedPropertyReason.InvalidDeclaration => "the declaration has errors or contradictory modifiers; fix the compiler error first",
        UnsupportedPropertyReason.FileLocalType => "its type is file-local ('file'), so the generated file cannot name it; make the type internal",
        _ => "the generator does not support this property",
    };
}
