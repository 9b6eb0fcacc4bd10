using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Stm.Analyzers.CodeFixes;

/// <summary>
/// Whether an expression can be moved, unchanged, into a lambda written in its place (<c>Atomic.Run(() =&gt; e)</c>,
/// <c>Atomic.OnCommit(() =&gt; e)</c>): the result must compile and mean what the expression meant. A fix that wraps
/// code in a lambda asks this first and offers nothing when the answer is no (the diagnostic stays).
/// </summary>
/// <remarks>
/// Only expressions: neither fix moves statements, so <c>return</c>, <c>break</c>, <c>continue</c>, <c>goto</c> and
/// <c>yield</c> cannot be inside the moved code (except in a lambda of its own, where they already belong to that lambda).
/// </remarks>
internal static class LambdaCapture
{
    /// <summary>
    /// True when <paramref name="expression"/> can become the body of a new lambda at its place.
    /// </summary>
    /// <param name="deferred">
    /// The lambda runs after the enclosing code has returned (<c>OnCommit</c>), not during the call that receives it
    /// (<c>Run</c>): memory of the enclosing frame (a <c>stackalloc</c> behind a pointer, a disposed <c>using</c>
    /// resource) may be gone by then.
    /// </param>
    public static bool CanMoveIntoLambda(ExpressionSyntax expression, SemanticModel model, bool deferred, CancellationToken cancellationToken)
    {
        if (HasAwaitOrArgList(expression))
        {
            return false;
        }

        DataFlowAnalysis? flow = model.AnalyzeDataFlow(expression);
        if (flow is null || !flow.Succeeded)
        {
            return false; // nothing known, nothing promised
        }

        // A variable declared inside (out var, pattern, declaration expression) would be scoped to the lambda: a use
        // after it no longer finds it (CS0103).
        if (flow.VariablesDeclared.Any(v => flow.ReadOutside.Contains(v) || flow.WrittenOutside.Contains(v)))
        {
            return false;
        }

        // A write to a variable declared outside changes meaning: Run re-executes its lambda on every retry (n++ counts
        // attempts) and OnCommit writes only after the commit; the compiler also stops counting it as a definite
        // assignment (int v; ... out v ...; use(v) gives CS0165).
        if (flow.WrittenInside.Any(v => !flow.VariablesDeclared.Contains(v)))
        {
            return false;
        }

        if (flow.ReadInside.Any(v => !flow.VariablesDeclared.Contains(v) && !CanBeCaptured(v, deferred)))
        {
            return false;
        }

        if (deferred && WritesState(expression, model, cancellationToken))
        {
            return false;
        }

        return !UsesStructInstance(expression, model, cancellationToken);
    }

    /// <summary>
    /// Whether the expression assigns anything other than the members of an object it creates: a transactional property
    /// (<c>Console.WriteLine(counter.Value++)</c>), a field, an array element. A deferred handler runs after the commit,
    /// outside the transaction, so the write would leave it: made once, unprotected, after the code that follows.
    /// </summary>
    private static bool WritesState(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(expression, cancellationToken) is not { } operation)
        {
            return true; // nothing known, nothing promised
        }

        foreach (IOperation current in operation.DescendantsAndSelf())
        {
            IOperation? target = current switch
            {
                IAssignmentOperation assignment => assignment.Target, // =, op=, ??=, deconstruction
                IIncrementOrDecrementOperation change => change.Target,
                _ => null,
            };
            if (target is not null && !IsObjectInitializerMember(target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>X</c> in <c>new T { X = 1 }</c> or <c>r with { X = 1 }</c>: a member of the object being made.</summary>
    private static bool IsObjectInitializerMember(IOperation target) =>
        target is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } };

    /// <summary>Whether a lambda may read <paramref name="variable"/> of the enclosing code.</summary>
    private static bool CanBeCaptured(ISymbol variable, bool deferred)
    {
        switch (variable)
        {
            case IParameterSymbol { IsThis: true } self:
                return self.Type is not { IsValueType: true };          // CS1673: a struct's `this` is a reference
            case IParameterSymbol parameter:
                return parameter.RefKind == RefKind.None                 // CS1628: ref, in, out, ref readonly
                    && !IsRefLike(parameter.Type)                        // CS9108: Span<T>, scoped, allows ref struct
                    && !IsStructPrimaryConstructorParameter(parameter)   // CS9111
                    && !(deferred && IsPointer(parameter.Type));         // may point into a frame gone by the commit
            case ILocalSymbol local:
                return !local.IsRef                                      // CS8175: ref and ref readonly locals
                    && !local.IsFixed                                    // CS1764: the pin ends with the fixed block
                    && !IsRefLike(local.Type)                            // CS8175: Span<T>, ReadOnlySpan<T>, ...
                    && !(deferred && IsPointer(local.Type))              // a stackalloc of a frame gone by the commit
                    && !(deferred && IsUsingResource(local));            // disposed before the handler runs
            default:
                return true;                                             // range variables, lambda parameters of the region
        }
    }

    private static bool IsPointer(ITypeSymbol type) => type is IPointerTypeSymbol or IFunctionPointerTypeSymbol;

    private static bool IsRefLike(ITypeSymbol type) =>
        type.IsRefLikeType || type is ITypeParameterSymbol { AllowsRefLikeType: true };

    /// <summary>A parameter of a struct's primary constructor: stored in <c>this</c>, so not capturable (CS9111).</summary>
    private static bool IsStructPrimaryConstructorParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsValueType: true } constructor
        && constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax);

    /// <summary>A local declared by <c>using var x = ...;</c> or <c>using (var x = ...)</c>.</summary>
    private static bool IsUsingResource(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Parent: UsingStatementSyntax or LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } },
        });

    /// <summary>
    /// <c>await</c> outside a nested function (CS4034 in a non-async lambda, and an async one would change what Run and
    /// OnCommit do), or <c>__arglist</c> (CS0190: a lambda has no variable arguments).
    /// </summary>
    private static bool HasAwaitOrArgList(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf(node => node is not AnonymousFunctionExpressionSyntax)
            .Any(node => node is AwaitExpressionSyntax || node.IsKind(SyntaxKind.ArgListExpression));

    /// <summary>
    /// <c>this</c> (or <c>base</c>) of a struct, explicit or implicit (an instance field, property or method of the
    /// struct itself), or a parameter of its primary constructor: a lambda cannot reach them (CS1673, CS9111). Not always
    /// among the data flow's variables, so they are looked for in the operations.
    /// </summary>
    private static bool UsesStructInstance(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetEnclosingSymbol(expression.SpanStart, cancellationToken)?.ContainingType is not { IsValueType: true })
        {
            return false;
        }

        return model.GetOperation(expression, cancellationToken) is not { } operation
            || operation.DescendantsAndSelf().Any(o =>
                o is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
                || (o is IParameterReferenceOperation reference && IsStructPrimaryConstructorParameter(reference.Parameter)));
    }
}
