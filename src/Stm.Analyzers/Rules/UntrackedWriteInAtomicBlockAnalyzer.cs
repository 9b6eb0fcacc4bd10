using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0014: inside an atomic block, a write to a static field or to a field of a non-transactional object that existed
/// before the block. Locals, objects created inside the block and [Transactional] objects are fine (the last are STM0002's).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntrackedWriteInAtomicBlockAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.UntrackedWriteInAtomicBlock,
        title: "Untracked write inside an atomic block",
        messageFormat: "Write to {0} inside an atomic block is not rolled back when the transaction aborts and re-runs; keep shared mutable state in partial properties of a [Transactional] class",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        description: "The runtime only tracks partial properties of [Transactional] objects. A static field, or a field of an ordinary object that other code can see, keeps the value written by an attempt that was rolled back, and other transactions see it before the commit.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            StmSymbols? symbols = StmSymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operation => Analyze(operation, symbols),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment,
                OperationKind.Increment,
                OperationKind.Decrement);
        });
    }

    private static void Analyze(OperationAnalysisContext context, StmSymbols symbols)
    {
        IOperation? target = context.Operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        if (target is not IFieldReferenceOperation field)
        {
            return;
        }

        IAnonymousFunctionOperation? body = AtomicBlocks.FindEnclosingBody(context.Operation, symbols);
        if (body is null)
        {
            return;
        }

        string? what = Describe(field, body, symbols);
        if (what is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, field.Syntax.GetLocation(), what));
        }
    }

    /// <summary>The untracked location the field reference writes, for the message, or <see langword="null"/> when the write is fine.</summary>
    private static string? Describe(IFieldReferenceOperation field, IOperation body, StmSymbols symbols)
    {
        while (true)
        {
            if (field.Field.IsConst)
            {
                return null;
            }

            if (field.Field.IsStatic)
            {
                return "static field '" + Name(field.Field) + "'";
            }

            if (symbols.IsTransactionalType(field.Field.ContainingType))
            {
                return null; // an untracked field of a transactional class is reported on its declaration (STM0002)
            }

            IOperation? instance = field.Instance;
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            switch (instance)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                case IObjectCreationOperation:
                case IAnonymousObjectCreationOperation:
                    return null; // an object being created right here
                case ILocalReferenceOperation local:
                    // A local declared in the block holds an object made (or fetched) by this attempt; a struct local is a
                    // copy. Locals captured from outside that hold a class instance point at pre-existing objects.
                    return local.Local.Type.IsValueType || IsDeclaredInside(local.Local, body) ? null : PreExisting(field.Field);
                case IFieldReferenceOperation outer when instance.Type is { IsValueType: true }:
                    field = outer; // s.Point.X = 1: the write lands in whatever holds the struct
                    continue;
                case IInstanceReferenceOperation:
                case IParameterReferenceOperation:
                case IFieldReferenceOperation:
                    return instance.Type is { IsValueType: true } ? null : PreExisting(field.Field);
                default:
                    return null; // unknown provenance (a call's result, an element): stay quiet rather than guess
            }
        }
    }

    private static string Name(IFieldSymbol field) => field.ContainingType.Name + "." + field.Name;

    private static string PreExisting(IFieldSymbol field) => "field '" + Name(field) + "' of an object that existed before the block";

    private static bool IsDeclaredInside(ILocalSymbol local, IOperation body)
    {
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == body.Syntax.SyntaxTree && body.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
