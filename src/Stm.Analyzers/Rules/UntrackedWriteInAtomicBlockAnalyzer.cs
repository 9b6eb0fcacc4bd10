using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0014: inside an atomic block, a write to a static field or static auto property, to a field or auto property of a
/// non-transactional object that existed before the block, or to an element of an array that existed before the block;
/// also a subscription (<c>+=</c>, <c>-=</c>) to a static field-like event or to a field-like event of such an object.
/// Locals, objects and arrays created inside the block and [Transactional] objects are fine (the last are STM0002's);
/// properties with setters of their own are not judged (their setter may do anything, or be fine).
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
        description: "The runtime only tracks partial properties of [Transactional] objects. A static field or auto property, or a field, auto property or array element of an ordinary object that other code can see, keeps the value written by an attempt that was rolled back, and other transactions see it before the commit.");

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
                OperationKind.Decrement,
                OperationKind.EventAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, StmSymbols symbols)
    {
        IOperation? target = context.Operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            IEventAssignmentOperation subscription => subscription.EventReference, // += and -= on an event
            _ => null,
        };
        if (target is not (IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation or IEventReferenceOperation))
        {
            return;
        }

        IAnonymousFunctionOperation? body = AtomicBlocks.FindEnclosingBody(context.Operation, symbols);
        if (body is null)
        {
            return;
        }

        string? what = Describe(target, body, symbols);
        if (what is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, target.Syntax.GetLocation(), what));
        }
    }

    /// <summary>The untracked location <paramref name="target"/> writes, for the message, or <see langword="null"/> when the write is fine.</summary>
    private static string? Describe(IOperation target, IOperation body, StmSymbols symbols)
    {
        while (true)
        {
            ISymbol member;
            IOperation? instance;
            string kind;
            switch (target)
            {
                case IArrayElementReferenceOperation element:
                    return Origin(element.ArrayReference, body, symbols) == Provenance.PreExisting
                        ? "an element of array " + DescribeArray(element.ArrayReference) + " that existed before the block"
                        : null;
                case IFieldReferenceOperation { Field.IsConst: false } field:
                    (member, instance, kind) = (field.Field, field.Instance, "field");
                    break;
                case IPropertyReferenceOperation property when IsUntrackedAutoProperty(property.Property, symbols):
                    (member, instance, kind) = (property.Property, property.Instance, "auto-property");
                    break;
                case IEventReferenceOperation @event when IsFieldLikeEvent(@event.Event):
                    (member, instance, kind) = (@event.Event, @event.Instance, "field-like event");
                    break;
                default:
                    // a constant, a property whose setter is code of its own, or an event with add/remove accessors of its
                    // own (it may be fine, or do anything)
                    return null;
            }

            if (member.IsStatic)
            {
                return "static " + kind + " '" + Name(member) + "'";
            }

            if (symbols.IsTransactionalType(member.ContainingType))
            {
                return null; // an untracked field or auto property of a transactional class is reported on its declaration (STM0002)
            }

            instance = SkipConversions(instance);
            if (instance is IFieldReferenceOperation or IArrayElementReferenceOperation && instance.Type is { IsValueType: true })
            {
                target = instance; // s.Point.X = 1, points[0].X = 1: the write lands in whatever holds the struct
                continue;
            }

            if (instance?.Type is { IsValueType: true })
            {
                return null; // the write lands in a copy, or in a struct local or parameter
            }

            return Origin(instance, body, symbols) == Provenance.PreExisting
                ? kind + " '" + Name(member) + "' of an object that existed before the block"
                : null;
        }
    }

    /// <summary>
    /// Where the object (or array) <paramref name="operation"/> evaluates to comes from (for a struct: the objects it
    /// refers to, which a copy shares). Objects reached through a field,
    /// an auto property or an element of a pre-existing object or array are pre-existing; a field or auto property of
    /// an object created in the block holds whatever its constructor put there, which is not known here.
    /// </summary>
    private static Provenance Origin(IOperation? operation, IOperation body, StmSymbols symbols)
    {
        switch (SkipConversions(operation))
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
            case IObjectCreationOperation:
            case IAnonymousObjectCreationOperation:
            case IArrayCreationOperation:
            case ICollectionExpressionOperation:
                return Provenance.Fresh; // made right here
            case ILocalReferenceOperation local:
                // A local declared in the block holds an object made (or fetched) by this attempt. Locals captured from
                // outside point at pre-existing objects.
                return IsDeclaredInside(local.Local, body) ? Provenance.Fresh : Provenance.PreExisting;
            case IInstanceReferenceOperation:
            case IParameterReferenceOperation:
                return Provenance.PreExisting;
            case IFieldReferenceOperation field:
                return Held(field.Field.IsStatic, field.Instance, body, symbols);
            case IPropertyReferenceOperation property when IsAutoProperty(property.Property):
                return Held(property.Property.IsStatic, property.Instance, body, symbols); // a field underneath
            case IArrayElementReferenceOperation element:
                return Origin(element.ArrayReference, body, symbols) == Provenance.PreExisting ? Provenance.PreExisting : Provenance.Unknown;
            default:
                return Provenance.Unknown; // a call's result, a computed property: stay quiet rather than guess
        }
    }

    /// <summary>
    /// What a field or auto property holds: a static one held it before the block; an instance one, when its owner
    /// existed before the block (the owner's constructor may have just made it otherwise).
    /// </summary>
    private static Provenance Held(bool isStatic, IOperation? owner, IOperation body, StmSymbols symbols) =>
        isStatic || Origin(owner, body, symbols) == Provenance.PreExisting ? Provenance.PreExisting : Provenance.Unknown;

    /// <summary>
    /// Whether writing <paramref name="property"/> stores into a compiler-generated backing field nothing tracks: an auto
    /// property (its setter is the compiler's) that no override can replace, outside the Stm runtime's own (transactional)
    /// collections. Partial properties are the generator's or the user's code, never an auto property's setter.
    /// </summary>
    private static bool IsUntrackedAutoProperty(IPropertySymbol property, StmSymbols symbols) =>
        IsAutoProperty(property)
        && !SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, symbols.Atomic.ContainingAssembly);

    /// <summary>
    /// Whether subscribing to <paramref name="event"/> (<c>+=</c>, <c>-=</c>) writes a hidden delegate field nothing
    /// tracks: a field-like event (<see cref="TransactionalChecks.IsFieldLikeEvent"/> in source; in a compiled library,
    /// one whose <c>add</c> and <c>remove</c> carry [CompilerGenerated]) that no override can replace. Events with
    /// <c>add</c>/<c>remove</c> accessors of their own are calls: opaque.
    /// </summary>
    private static bool IsFieldLikeEvent(IEventSymbol @event)
    {
        IEventSymbol definition = @event.OriginalDefinition;
        bool fieldLike = CompiledMembers.IsFromMetadata(definition)
            ? !definition.IsAbstract
                && definition.ExplicitInterfaceImplementations.IsEmpty
                && CompiledMembers.IsCompilerGenerated(definition.AddMethod)
                && CompiledMembers.IsCompilerGenerated(definition.RemoveMethod)
            : !definition.DeclaringSyntaxReferences.IsEmpty && TransactionalChecks.IsFieldLikeEvent(definition);
        return fieldLike
            && !TransactionalChecks.IsGeneratedByStm(definition)
            && !((definition.IsVirtual || definition.IsOverride) && !definition.IsSealed && !definition.ContainingType.IsSealed);
    }

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        IPropertySymbol definition = property.OriginalDefinition;
        if (definition.IsIndexer
            || definition.IsAbstract
            || definition.IsExtern
            || definition.IsPartialDefinition
            || definition.PartialDefinitionPart is not null
            || ((definition.IsVirtual || definition.IsOverride) && !definition.IsSealed && !definition.ContainingType.IsSealed))
        {
            return false;
        }

        if (definition.SetMethod is not { } setter)
        {
            return false; // get-only: assigned in a constructor only
        }

        if (CompiledMembers.IsFromMetadata(definition))
        {
            // A compiled library: no syntax to read, and no backing field to find (private: not imported by default, and
            // absent from the reference assembly a ProjectReference compiles against). The setter the compiler wrote,
            // which stores into one, carries [CompilerGenerated]; a hand-written one does not.
            return CompiledMembers.IsCompilerGenerated(setter);
        }

        // `set => field = value;` has a backing field too, but the setter is the user's code.
        foreach (SyntaxReference reference in setter.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is AccessorDeclarationSyntax accessor && (accessor.Body is not null || accessor.ExpressionBody is not null))
            {
                return false;
            }
        }

        return TransactionalChecks.HasBackingField(definition);
    }

    private static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static string Name(ISymbol member) => member.ContainingType.Name + "." + member.Name;

    /// <summary>The array for the message: the field or property that holds it, else the expression as written.</summary>
    private static string DescribeArray(IOperation array)
    {
        array = SkipConversions(array)!;
        return array switch
        {
            IFieldReferenceOperation field => "'" + Name(field.Field) + "'",
            IPropertyReferenceOperation property => "'" + Name(property.Property) + "'",
            _ => "'" + array.Syntax.ToString() + "'",
        };
    }

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

    private enum Provenance
    {
        Unknown,
        Fresh,
        PreExisting,
    }
}
