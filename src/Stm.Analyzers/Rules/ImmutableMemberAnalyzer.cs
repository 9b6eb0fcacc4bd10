using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Analyzers.Declarations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0004 (info): a readonly field or get-only/init-only auto property of a <c>[Transactional]</c> class. It needs no
/// barrier: its reads are never recorded, so they never conflict (the seed's "mark immutable fields").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImmutableMemberAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.ImmutableMember,
        title: "Immutable member: reads are not recorded",
        messageFormat: "'{0}' is immutable ({1}): the STM does not record its reads, so reading it never conflicts",
        RuleCategories.Design,
        DiagnosticSeverity.Info,
        description: "Readonly fields and get-only or init-only auto properties cannot change after construction, so they need no barrier: reading them inside a transaction costs nothing and never causes a conflict. Prefer them for state that does not change.");

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
            if (kind is TransactionalMemberKind.ImmutableField or TransactionalMemberKind.ImmutableProperty
                && TransactionalTypes.GetLocation(member) is { } location)
            {
                string what = kind == TransactionalMemberKind.ImmutableField ? "a readonly field"
                    : member is IPropertySymbol { SetMethod: null } ? "a get-only property" : "an init-only property";
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, type.Name + "." + member.Name, what));
            }
        }
    }
}
