using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Declarations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0002: mutable per-object state of a <c>[Transactional]</c> class that the generator does not put behind barriers:
/// <list type="bullet">
/// <item>a non-readonly instance field or settable non-partial auto property (<see cref="TransactionalMemberKind.MutableField"/>,
/// <see cref="TransactionalMemberKind.MutableProperty"/> of the shared checks);</item>
/// <item>a field-like instance event (no <c>add</c>/<c>remove</c> accessors): its hidden delegate field is written by
/// every <c>+=</c>/<c>-=</c>;</item>
/// <item>a primary-constructor parameter that a member captures (the compiler then stores it in a hidden field) and that
/// some code of the class writes.</item>
/// </list>
/// The last two are the analyzer's own: the shared classification (which the generator uses too) is unchanged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntrackedMutableMemberAnalyzer : DiagnosticAnalyzer
{
    private const string MemberAdvice = "make it a partial property or make it immutable";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.UntrackedMutableMember,
        title: "Mutable member not tracked",
        messageFormat: "'{0}' is a mutable {1} of a [Transactional] class that the STM does not track: writes to it are neither isolated nor rolled back; {2}",
        RuleCategories.Design,
        DiagnosticSeverity.Warning,
        description: "Only body-less partial properties of a [Transactional] class get read and write barriers. A plain field, an auto property with a setter, a field-like event or a captured primary-constructor parameter that is written is shared memory without protection: a transaction that aborts leaves its writes behind, and other threads see them before the commit.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (StmSymbols.TryCreate(start.Compilation)?.Transactional is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeMembers, SymbolKind.NamedType);
            start.RegisterSymbolStartAction(StartPrimaryConstructorAnalysis, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeMembers(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!TransactionalChecks.HasTransactionalAttribute(type) || !TransactionalTypes.HasInstanceState(type))
        {
            return;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            TransactionalMemberKind kind = MemberKinds.Classify(member);
            string? what = kind switch
            {
                TransactionalMemberKind.MutableField => "field",
                TransactionalMemberKind.MutableProperty => "auto property",
                _ => member is IEventSymbol @event && IsFieldLikeInstanceEvent(@event) ? "field-like event" : null,
            };

            if (what is not null && TransactionalTypes.GetLocation(member) is { } location)
            {
                string advice = member is IEventSymbol
                    ? "give it add/remove accessors that keep the handlers in a partial property, or remove it"
                    : MemberAdvice;
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, type.Name + "." + member.Name, what, advice));
            }
        }
    }

    /// <summary>
    /// A field-like instance event of the user's (<see cref="TransactionalChecks.IsFieldLikeEvent"/>). Static events are
    /// left out, as static fields are: they are no per-object state.
    /// </summary>
    private static bool IsFieldLikeInstanceEvent(IEventSymbol @event) =>
        !@event.IsStatic
        && !@event.IsImplicitlyDeclared
        && !@event.DeclaringSyntaxReferences.IsEmpty
        && !TransactionalChecks.IsGeneratedByStm(@event)
        && TransactionalChecks.IsFieldLikeEvent(@event);

    /// <summary>
    /// For a <c>[Transactional]</c> class with a primary constructor: collects which parameters a member captures (a
    /// reference outside the initializers and the base-constructor arguments, which run during construction only) and
    /// which ones some code writes, and reports those that are both at the end of the type.
    /// </summary>
    private static void StartPrimaryConstructorAnalysis(SymbolStartAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || !TransactionalChecks.HasTransactionalAttribute(type)
            || FindPrimaryConstructor(type, context.CancellationToken) is not { Parameters.IsEmpty: false } primary
            || !TransactionalTypes.HasInstanceState(type))
        {
            return;
        }

        var captured = new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
        var written = new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
        context.RegisterOperationAction(
            operationContext =>
            {
                var reference = (IParameterReferenceOperation)operationContext.Operation;
                IParameterSymbol parameter = reference.Parameter;
                if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, primary))
                {
                    return;
                }

                if (!RunsDuringConstructionOnly(operationContext.ContainingSymbol, primary) && !InNameOf(reference))
                {
                    captured.TryAdd(parameter, true);
                }

                if (IsWrite(reference))
                {
                    written.TryAdd(parameter, true);
                }
            },
            OperationKind.ParameterReference);

        context.RegisterSymbolEndAction(end =>
        {
            foreach (IParameterSymbol parameter in primary.Parameters)
            {
                if (captured.ContainsKey(parameter) && written.ContainsKey(parameter)
                    && TransactionalTypes.GetLocation(parameter) is { } location)
                {
                    end.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        location,
                        type.Name + "." + parameter.Name,
                        "captured primary-constructor parameter",
                        "keep the value in a partial property instead, or stop writing the parameter"));
                }
            }
        });
    }

    /// <summary>
    /// The class's primary constructor: the one declared by the type declaration itself (a record's positional
    /// parameters too; references in its members bind to the generated properties, so they are never captured).
    /// </summary>
    private static IMethodSymbol? FindPrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.IsImplicitlyDeclared)
            {
                continue;
            }

            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null })
                {
                    return constructor;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether code owned by <paramref name="containingSymbol"/> runs only while the primary constructor runs: field,
    /// property and event initializers and the base-constructor arguments. A parameter used only there is not captured.
    /// </summary>
    private static bool RunsDuringConstructionOnly(ISymbol containingSymbol, IMethodSymbol primary) =>
        containingSymbol is IFieldSymbol or IPropertySymbol or IEventSymbol
        || SymbolEqualityComparer.Default.Equals(containingSymbol, primary);

    /// <summary>The operand of <c>nameof</c> names the parameter without capturing it.</summary>
    private static bool InNameOf(IOperation reference)
    {
        for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the parameter reference writes the parameter's storage: the target of an assignment (simple, compound,
    /// <c>??=</c>, deconstruction), <c>++</c>/<c>--</c>, a <c>ref</c>/<c>out</c> argument, a <c>ref</c> local's initializer,
    /// <c>&amp;</c>, or, for a struct value, such a write to one of its fields or properties.
    /// </summary>
    private static bool IsWrite(IParameterReferenceOperation reference)
    {
        IOperation current = reference;
        while (true)
        {
            switch (current.Parent)
            {
                case ITupleOperation tuple:
                    current = tuple; // (a, b) = ...
                    continue;
                case IMemberReferenceOperation member when member.Instance == current && current.Type is { IsValueType: true }
                    && member is IFieldReferenceOperation or IPropertyReferenceOperation:
                    current = member; // s.X = ... on a struct value changes the value itself
                    continue;
                case IAssignmentOperation assignment:
                    return assignment.Target == current;
                case IIncrementOrDecrementOperation:
                case IAddressOfOperation:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol.RefKind == RefKind.Ref;
                default:
                    return false;
            }
        }
    }
}
