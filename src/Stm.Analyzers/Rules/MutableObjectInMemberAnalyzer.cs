using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Analyzers.Declarations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0003: a transactional or immutable member of a <c>[Transactional]</c> class whose type is a mutable
/// non-transactional object (<c>List&lt;T&gt;</c>, an array, a class with setters): the barrier covers the reference,
/// not the contents.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableObjectInMemberAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.MutableObjectInMember,
        title: "Member holds a mutable non-transactional object",
        messageFormat: "'{0}' holds {1} ('{2}') whose contents the STM does not isolate: changes made through it are neither rolled back nor hidden until commit; use TList/TDictionary, an immutable collection or a [Transactional] class",
        RuleCategories.Design,
        DiagnosticSeverity.Warning,
        description: "Barriers protect the member itself (which object it refers to), not the object it refers to. Adding to a List<T> held in a transactional property is invisible to the STM: an aborted transaction leaves the element behind, and other threads see it before the commit.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        TransactionalTypes.Register(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, StmSymbols symbols)
    {
        if (!TransactionalTypes.HasInstanceState(type))
        {
            return;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            TransactionalMemberKind kind = MemberKinds.Classify(member);
            if (kind is not (TransactionalMemberKind.TransactionalProperty or TransactionalMemberKind.ImmutableField or TransactionalMemberKind.ImmutableProperty))
            {
                continue;
            }

            ITypeSymbol? memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (memberType is null || MutableObjectTypes.Describe(memberType, symbols.IsTransactionalType) is not { } what
                || TransactionalTypes.GetLocation(member) is not { } location)
            {
                continue;
            }

            string typeName = memberType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, type.Name + "." + member.Name, what, typeName));
        }
    }
}
