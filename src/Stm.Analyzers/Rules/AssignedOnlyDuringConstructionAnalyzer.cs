using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Stm.Analyzers.Declarations;
using Stm.Analyzers.Infrastructure;
using Stm.Shared;

namespace Stm.Analyzers.Rules;

/// <summary>
/// STM0005 (info): a transactional <c>{ get; set; }</c> property that this compilation only ever assigns during
/// construction (in a constructor of its class, or in an object initializer). As a plain get-only or init-only
/// property it would need no barriers. Not reported when other assemblies could call the setter, nor for a property that
/// can be written through another member: an <c>override</c> or <c>virtual</c> property (written through the base or
/// an override), or one that implements a settable interface property (written through the interface). Those writes name
/// the other member, so they are not counted here, and the property could not drop its setter anyway.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AssignedOnlyDuringConstructionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property for the fix: <c>init</c> when object initializers assign it, <c>get</c> when only constructors do.</summary>
    public const string AccessorProperty = "Accessor";

    internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(
        RuleIdentifiers.AssignedOnlyDuringConstruction,
        title: "Transactional property only assigned during construction",
        messageFormat: "'{0}' is only ever assigned during construction: make it a plain {1} property, whose reads need no barrier and never conflict",
        RuleCategories.Design,
        DiagnosticSeverity.Info,
        description: "A transactional property pays a read barrier on every read. When nothing assigns it after the object is built, an immutable auto property holds the same value without that cost.",
        WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            StmSymbols? symbols = StmSymbols.TryCreate(start.Compilation);
            if (symbols?.Transactional is null)
            {
                return;
            }

            var candidates = new ConcurrentQueue<IPropertySymbol>();
            var writes = new ConcurrentDictionary<IPropertySymbol, WriteKinds>(SymbolEqualityComparer.Default);
            var interfaceImplementations = new ConcurrentDictionary<IPropertySymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(
                symbol =>
                {
                    CollectCandidates(symbol, candidates);
                    CollectInterfaceImplementations(symbol, symbols, interfaceImplementations);
                },
                SymbolKind.NamedType);
            start.RegisterOperationAction(operation => CollectWrite(operation, writes), OperationKind.PropertyReference);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (IPropertySymbol property in candidates)
                {
                    if (!writes.TryGetValue(property, out WriteKinds kinds) || (kinds & WriteKinds.Other) != 0
                        || interfaceImplementations.ContainsKey(property)
                        || Visibility.IsExternallyVisible(property.SetMethod!, end.Compilation)
                        || TransactionalTypes.GetLocation(property) is not { } location)
                    {
                        continue;
                    }

                    string accessor = (kinds & WriteKinds.Initializer) != 0 ? "init" : "get";
                    end.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(AccessorProperty, accessor),
                        property.ContainingType.Name + "." + property.Name,
                        accessor == "init" ? "init-only" : "get-only"));
                }
            });
        });
    }

    private static void CollectCandidates(SymbolAnalysisContext context, ConcurrentQueue<IPropertySymbol> candidates)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!TransactionalChecks.HasTransactionalAttribute(type)
            || TransactionalChecks.CheckType(type, context.CancellationToken) != TransactionalTypeStatus.Supported)
        {
            return;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            // virtual, override (abstract ones are not transactional): other members' writes reach it, and an override
            // of a settable property cannot be get-only (CS8080) or init-only (CS8853).
            if (member is IPropertySymbol { SetMethod.IsInitOnly: false, IsVirtual: false, IsOverride: false, IsAbstract: false } property
                && MemberKinds.Classify(property) == TransactionalMemberKind.TransactionalProperty)
            {
                candidates.Enqueue(property.PartialDefinitionPart ?? property);
            }
        }
    }

    /// <summary>
    /// The properties of transactional classes that implement a settable interface property, in
    /// <paramref name="context"/>'s type (which may inherit the implementation from a base class): writes through the
    /// interface reach them, and without its setter the property would no longer implement the interface (CS0535).
    /// A get-only interface property is no obstacle: writes cannot go through it, and a get-only or init-only property
    /// still implements it.
    /// </summary>
    private static void CollectInterfaceImplementations(SymbolAnalysisContext context, StmSymbols symbols, ConcurrentDictionary<IPropertySymbol, bool> implementations)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.AllInterfaces.IsEmpty || !symbols.IsTransactionalType(type))
        {
            return;
        }

        foreach (INamedTypeSymbol @interface in type.AllInterfaces)
        {
            foreach (ISymbol member in @interface.GetMembers())
            {
                if (member is IPropertySymbol { SetMethod: not null, IsStatic: false } interfaceProperty
                    && type.FindImplementationForInterfaceMember(interfaceProperty) is IPropertySymbol implementation)
                {
                    implementation = implementation.OriginalDefinition;
                    implementations.TryAdd(implementation.PartialDefinitionPart ?? implementation, true);
                }
            }
        }
    }

    private static void CollectWrite(OperationAnalysisContext context, ConcurrentDictionary<IPropertySymbol, WriteKinds> writes)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (!IsWrite(reference))
        {
            return;
        }

        IPropertySymbol property = reference.Property.OriginalDefinition;
        property = property.PartialDefinitionPart ?? property;
        WriteKinds kind = Classify(reference, context.ContainingSymbol);
        writes.AddOrUpdate(property, kind, (_, existing) => existing | kind);
    }

    private static bool IsWrite(IOperation reference)
    {
        IOperation current = reference;
        while (current.Parent is ITupleOperation tuple)
        {
            current = tuple; // (A, B) = (a, b)
        }

        return current.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == current,
            IIncrementOrDecrementOperation => true,
            _ => false,
        };
    }

    private static WriteKinds Classify(IPropertyReferenceOperation reference, ISymbol containingSymbol)
    {
        if (reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return WriteKinds.Initializer; // new T { P = ... } or a 'with' expression: a new object
        }

        bool inLambda = false;
        for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
        {
            inLambda |= current is IAnonymousFunctionOperation or ILocalFunctionOperation;
        }

        if (!inLambda
            && reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            && containingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
        {
            return WriteKinds.Constructor;
        }

        return WriteKinds.Other;
    }

    [System.Flags]
    private enum WriteKinds
    {
        None = 0,
        Constructor = 1,
        Initializer = 2,
        Other = 4,
    }
}
