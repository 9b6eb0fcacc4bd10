using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;

namespace Stm.Analyzers.CodeFixes;

/// <summary>How one reference uses a field or property, as far as changing its declaration is concerned.</summary>
internal enum MemberUseKind
{
    /// <summary>Its value is read (or only its name is used: <c>nameof</c>, a <c>cref</c>).</summary>
    Read,

    /// <summary>Assigned: <c>=</c>, compound assignment, <c>??=</c>, <c>++</c>/<c>--</c>, a deconstruction target.</summary>
    Write,

    /// <summary>Its storage is passed by read-only reference: an <c>in</c> or <c>ref readonly</c> argument.</summary>
    ReadOnlyReference,

    /// <summary>Its storage is taken by writable reference: <c>ref</c>/<c>out</c> argument, <c>ref</c> expression, <c>&amp;</c>, <c>__makeref</c>.</summary>
    Reference,

    /// <summary>
    /// A value-type member used as a variable through one of its own members: a member of it is assigned, or a
    /// non-<c>readonly</c> method or accessor is called on it (which may change it in place).
    /// </summary>
    MutatingReceiver,

    /// <summary>A reference whose operation could not be told: treated as the worst case.</summary>
    Unknown,
}

/// <summary>Where a write happens, for the rules that allow writes only while the object is being built.</summary>
[Flags]
internal enum MemberUseContext
{
    None = 0,

    /// <summary>
    /// On <c>this</c> (implicit or explicit), directly (not in a lambda or local function) in an instance constructor or
    /// <c>init</c> accessor of the type declaring the member: where C# lets a <c>readonly</c> field be written.
    /// </summary>
    OwnConstruction = 1,

    /// <summary>
    /// On <c>this</c> or <c>base</c>, directly in an instance constructor or <c>init</c> accessor of the declaring type or
    /// a type derived from it: where C# lets an <c>init</c> accessor be called (besides <see cref="NewObjectInitializer"/>).
    /// </summary>
    DerivedConstruction = 2,

    /// <summary>In the object initializer of a <c>new</c> expression, or the initializer of a <c>with</c> expression.</summary>
    NewObjectInitializer = 4,
}

/// <summary>One reference to the member: what it does and where.</summary>
internal readonly struct MemberUse
{
    public MemberUse(MemberUseKind kind, MemberUseContext context)
    {
        Kind = kind;
        Context = context;
    }

    public MemberUseKind Kind { get; }

    public MemberUseContext Context { get; }
}

/// <summary>
/// Finds every reference to a field or property in the solution (all its projects, generated documents included) and
/// says how each one uses it, so a fix that changes the declaration (<c>readonly</c>, <c>init</c>, field to property) is
/// only offered when every use still compiles with the same meaning. The compiler's rules, checked by hand:
/// <list type="bullet">
/// <item>a <c>readonly</c> field can be written, passed by <c>ref</c>/<c>out</c>, or have a member of its struct value
/// assigned only in an instance constructor or <c>init</c> accessor of its own type, on <c>this</c>, and not in a lambda
/// or local function there (CS0191, CS0192, CS1648); elsewhere a method called on a struct value runs on a defensive copy
/// (it compiles, but no longer changes the field);</item>
/// <item>an <c>init</c> accessor can be called in the initializer of a <c>new</c> or <c>with</c> expression (not a nested
/// member initializer), or on <c>this</c>/<c>base</c> in a constructor or <c>init</c> accessor of its type or a derived
/// type (CS8852);</item>
/// <item>a property cannot be passed by reference (CS0206, CS8156), nor can a member of its struct value be assigned
/// (CS1612); a method called on its struct value runs on a copy.</item>
/// </list>
/// </summary>
internal static class MemberUses
{
    /// <summary>The uses of <paramref name="member"/> (a field or property) in <paramref name="solution"/>.</summary>
    public static async Task<List<MemberUse>> FindAsync(ISymbol member, Solution solution, CancellationToken cancellationToken)
    {
        var uses = new List<MemberUse>();
        ISymbol definition = member.OriginalDefinition;
        foreach (ReferencedSymbol referenced in await SymbolFinder.FindReferencesAsync(definition, solution, cancellationToken).ConfigureAwait(false))
        {
            // Only the member itself: the search cascades to related symbols (a property's accessors, the members it
            // implements or overrides), whose uses are not uses of this declaration.
            if (!SymbolEqualityComparer.Default.Equals(referenced.Definition.OriginalDefinition, definition))
            {
                continue;
            }

            foreach (ReferenceLocation location in referenced.Locations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SemanticModel? model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                SyntaxNode? root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                uses.Add(model is null || root is null
                    ? new MemberUse(MemberUseKind.Unknown, MemberUseContext.None)
                    : Classify(definition, model, root.FindNode(location.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true), cancellationToken));
            }
        }

        return uses;
    }

    private static MemberUse Classify(ISymbol member, SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        // The name of this.F or x?.F is only part of the expression the operation belongs to.
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == node)
        {
            node = access;
        }
        else if (node.Parent is MemberBindingExpressionSyntax binding && binding.Name == node)
        {
            node = binding;
        }

        if (model.GetOperation(node, cancellationToken) is not IMemberReferenceOperation reference
            || !SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, member))
        {
            // No operation: a name in a documentation comment, an attribute, nameof(...) or a property pattern
            // ({ F: 1 }), none of which writes it or takes its storage.
            bool onlyNamed = node.AncestorsAndSelf().Any(n => n is CrefSyntax or AttributeArgumentSyntax or SubpatternSyntax)
                || node.Ancestors().OfType<InvocationExpressionSyntax>().Any(IsNameOf);
            return new MemberUse(onlyNamed ? MemberUseKind.Read : MemberUseKind.Unknown, MemberUseContext.None);
        }

        MemberUseKind kind = ClassifyUse(reference, model, cancellationToken);
        return new MemberUse(kind, kind == MemberUseKind.Read ? MemberUseContext.None : ClassifyContext(reference, model, cancellationToken));
    }

    private static MemberUseKind ClassifyUse(IOperation operation, SemanticModel model, CancellationToken cancellationToken)
    {
        // Syntax says it first for the reference-taking forms the operation tree spreads over several shapes
        // (ref locals, ref returns, ref assignments, ref conditionals).
        SyntaxNode syntax = operation.Syntax;
        while (syntax.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized;
        }

        switch (syntax.Parent)
        {
            case RefExpressionSyntax or MakeRefExpressionSyntax:
                return MemberUseKind.Reference;
            case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword):
                return MemberUseKind.Reference;
            case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                return MemberUseKind.ReadOnlyReference;
        }

        IOperation current = operation;
        while (current.Parent is IParenthesizedOperation or IConversionOperation { Conversion.IsIdentity: true, IsImplicit: true })
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IAssignmentOperation assignment when assignment.Target == current:
            case IIncrementOrDecrementOperation:
                return MemberUseKind.Write;
            case ITupleOperation:
                return IsDeconstructionTarget(current) ? MemberUseKind.Write : MemberUseKind.Read;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                return MemberUseKind.Reference;
            case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                return MemberUseKind.ReadOnlyReference; // in, ref readonly (passed without the ref keyword)
            case IAddressOfOperation:
                return MemberUseKind.Reference;
        }

        if (IsValueTypeVariable(operation.Type))
        {
            return ClassifyValueTypeUse(current, model, cancellationToken);
        }

        return MemberUseKind.Read;
    }

    /// <summary>A use of a member holding a struct (or a type parameter that may be one) through its own members.</summary>
    private static MemberUseKind ClassifyValueTypeUse(IOperation operation, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (operation.Parent)
        {
            case IFieldReferenceOperation field when field.Instance == operation:
                // this.F.X: F is used the way F.X is.
                return ClassifyUse(field, model, cancellationToken) == MemberUseKind.Read ? MemberUseKind.Read : MemberUseKind.MutatingReceiver;
            case IPropertyReferenceOperation property when property.Instance == operation:
                return IsReadOnly(property.Property.GetMethod) && IsReadOnly(property.Property.SetMethod) ? MemberUseKind.Read : MemberUseKind.MutatingReceiver;
            case IEventReferenceOperation @event when @event.Instance == operation:
                return MemberUseKind.MutatingReceiver;
            case IInvocationOperation invocation when invocation.Instance == operation:
                return IsReadOnly(invocation.TargetMethod) ? MemberUseKind.Read : MemberUseKind.MutatingReceiver;
            case IInlineArrayAccessOperation:
            case IMemberInitializerOperation: // new C { F = { X = 1 } }
            case IForEachLoopOperation: // GetEnumerator called on the variable
                return MemberUseKind.MutatingReceiver;
            default:
                return MemberUseKind.Read; // copied: an argument, an operand, a value assigned elsewhere, a method group boxed
        }
    }

    /// <summary>A struct whose methods may change it, or a type parameter that may be one; enums never change in place.</summary>
    private static bool IsValueTypeVariable(ITypeSymbol? type) =>
        type is { IsReferenceType: false, TypeKind: not TypeKind.Enum and not TypeKind.Pointer and not TypeKind.FunctionPointer }
        && type is not INamedTypeSymbol { IsReadOnly: true };

    private static bool IsReadOnly(IMethodSymbol? accessor) => accessor is null || accessor.IsReadOnly;

    private static bool IsDeconstructionTarget(IOperation operation)
    {
        IOperation current = operation;
        while (current.Parent is ITupleOperation tuple)
        {
            current = tuple; // ((A, B), C) = ...
        }

        return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current;
    }

    private static MemberUseContext ClassifyContext(IMemberReferenceOperation reference, SemanticModel model, CancellationToken cancellationToken)
    {
        if (reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            // new C { P = 1 } or r with { P = 1 }; not a member initializer nested in another one (new D { C = { P = 1 } }).
            return reference.Parent is IAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation or IWithOperation or ITypeParameterObjectCreationOperation } }
                ? MemberUseContext.NewObjectInitializer
                : MemberUseContext.None;
        }

        if (reference.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            return MemberUseContext.None; // another object, or this reached through a cast or a ?.
        }

        // The innermost symbol: a lambda or local function inside a constructor is not the constructor.
        if (model.GetEnclosingSymbol(reference.Syntax.SpanStart, cancellationToken) is not IMethodSymbol
            {
                IsStatic: false,
                MethodKind: MethodKind.Constructor or MethodKind.PropertySet,
            } method
            || (method.MethodKind == MethodKind.PropertySet && !method.IsInitOnly))
        {
            return MemberUseContext.None;
        }

        INamedTypeSymbol declaring = reference.Member.ContainingType.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, declaring))
        {
            return MemberUseContext.OwnConstruction | MemberUseContext.DerivedConstruction;
        }

        for (INamedTypeSymbol? type = method.ContainingType.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring))
            {
                return MemberUseContext.DerivedConstruction;
            }
        }

        return MemberUseContext.None;
    }

    private static bool IsNameOf(InvocationExpressionSyntax invocation) =>
        invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };
}
