using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stm.Analyzers.Declarations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0002: a non-readonly instance field or settable non-partial auto property in a <c>[Transactional]</c> class:
/// mutable state the generator does not put behind barriers (<see cref="TransactionalMemberKind.MutableField"/>,
/// <see cref="TransactionalMemberKind.MutableProperty"/> of the shared checks).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntrackedMutableMemberAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.UntrackedMutableMember,
        title: "Mutable member not tracked",
        messageFormat: "'{0}' is a mutable {1} of a [Transactional] class that the STM does not track: writes to it are neither isolated nor rolled back; make it a partial property or make it immutable",
        RuleCategories.Design,
        DiagnosticSeverity.Warning,
        description: "Only body-less partial properties of a [Transactional] class get read and write barriers. A plain field or auto property with a setter is shared memory without protection: a transaction that aborts leaves its writes behind, and other threads see them before the commit.");

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
            if (kind is TransactionalMemberKind.MutableField or TransactionalMemberKind.MutableProperty
                && TransactionalTypes.GetLocation(member) is { } location)
            {
                string what = kind == TransactionalMemberKind.MutableField ? "field" : "auto property";
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, type.Name + "." + member.Name, what));
            }
        }
    }
}
