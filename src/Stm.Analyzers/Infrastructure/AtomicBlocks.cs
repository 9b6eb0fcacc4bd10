using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// Answers "is this operation inside an atomic block?": lexically inside a lambda or anonymous method passed to an
/// atomic entry point (<see cref="StmSymbols.IsAtomicEntryPoint"/>) or to a method that forwards it to one
/// (<see cref="StmSymbols.IsAtomicArgument(IArgumentOperation)"/>). Other lambdas on the way up (a <c>Select</c>,
/// a <c>List.ForEach</c>) are assumed to run where they are written; a lambda passed to <c>OnCommit</c>/<c>OnAbort</c>
/// runs after the transaction, so nothing inside it is in the block; nor in a local function or local delegate that only
/// runs as such a handler (<c>void Log() =&gt; ...; Atomic.OnCommit(Log);</c>).
/// </summary>
internal static class AtomicBlocks
{
    /// <summary>How many handler-only functions deep <see cref="RunsOnlyDeferred"/> follows one that uses another.</summary>
    private const int MaxDeferredDepth = 4;

    /// <summary>
    /// The atomic body enclosing <paramref name="operation"/>, or <see langword="null"/>. A local function or a local
    /// delegate on the way up that only ever runs as an <c>OnCommit</c>/<c>OnAbort</c> handler
    /// (<see cref="RunsOnlyDeferred"/>) is a handler like an inline lambda: nothing inside it is in the block.
    /// </summary>
    public static IAnonymousFunctionOperation? FindEnclosingBody(IOperation operation, StmSymbols symbols)
    {
        // Atomic.OnCommit(Save): the method group runs after the commit, like a lambda would.
        if (operation is IMethodReferenceOperation && IsHandedToDeferredHandler(operation, symbols))
        {
            return null;
        }

        List<IOperation>? namedFunctions = null;
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                IInvocationOperation? receiver = GetInvocationReceivingDelegate(lambda);
                if (receiver is not null)
                {
                    if (IsPassedAsAtomicBody(lambda, symbols))
                    {
                        // Checked only once a block is found: it searches the member for the function's uses.
                        return namedFunctions is not null && namedFunctions.Exists(function => RunsOnlyDeferred(function, symbols, 0))
                            ? null
                            : lambda;
                    }

                    if (symbols.IsDeferredHandler(receiver.TargetMethod))
                    {
                        return null;
                    }
                }
                else
                {
                    (namedFunctions ??= new List<IOperation>()).Add(lambda);
                }
            }
            else if (current is ILocalFunctionOperation)
            {
                (namedFunctions ??= new List<IOperation>()).Add(current);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="function"/>, a local function or a lambda or anonymous method that initializes a local
    /// variable, is run only after the transaction: it is used at least once, and every use (outside its own body) hands it
    /// to <c>OnCommit</c>/<c>OnAbort</c> (<c>Atomic.OnCommit(Log)</c>) or sits in code that runs only there
    /// (<c>Atomic.OnCommit(() =&gt; log())</c>, or another such function). A variable written anywhere after its
    /// declaration (<c>log = ...</c>, <c>ref</c>/<c>out</c>) may hold something else and is not recognized; neither is
    /// a delegate stored anywhere but in a local.
    /// </summary>
    private static bool RunsOnlyDeferred(IOperation function, StmSymbols symbols, int depth)
    {
        ISymbol? name = GetName(function);
        if (name is null || depth > MaxDeferredDepth)
        {
            return false;
        }

        bool used = false;
        foreach (IOperation use in UsesOutsideItself(function, name))
        {
            if (!IsDeferredUse(use, symbols, depth))
            {
                return false;
            }

            used = true;
        }

        return used;
    }

    /// <summary>
    /// Whether <paramref name="operation"/>, in atomic body <paramref name="body"/>, runs during the block where it is
    /// written: every lambda between them is passed to a method (a <c>List.ForEach</c>, a LINQ query: assumed to run
    /// inline, as everywhere else), and every local function or local delegate between them is called only directly
    /// (<c>Log()</c>, <c>log()</c>, <c>log.Invoke()</c>), at least once, from code in this block. A function that is also
    /// handed to a handler, returned, stored or never called is not: code moved into <c>Atomic.OnCommit</c> there would
    /// run outside any transaction and throw. For the fixes.
    /// </summary>
    public static bool RunsInline(IOperation operation, IAnonymousFunctionOperation body, StmSymbols symbols)
    {
        for (IOperation? current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (((current is IAnonymousFunctionOperation lambda && GetInvocationReceivingDelegate(lambda) is null) || current is ILocalFunctionOperation)
                && !IsOnlyCalledIn(current, body, symbols))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOnlyCalledIn(IOperation function, IAnonymousFunctionOperation body, StmSymbols symbols)
    {
        ISymbol? name = GetName(function);
        if (name is null)
        {
            return false;
        }

        bool called = false;
        foreach (IOperation use in UsesOutsideItself(function, name))
        {
            IOperation? call = use switch
            {
                IInvocationOperation invocation => invocation,
                ILocalReferenceOperation { Parent: IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invoke } reference
                    when invoke.Instance == reference => invoke,
                _ => null,
            };
            if (call is null || FindEnclosingBody(call, symbols) != body)
            {
                return false;
            }

            called = true;
        }

        return called;
    }

    private static ISymbol? GetName(IOperation function) => function switch
    {
        ILocalFunctionOperation localFunction => localFunction.Symbol,
        IAnonymousFunctionOperation lambda => GetInitializedLocal(lambda),
        _ => null,
    };

    /// <summary>
    /// Where a local function or the local a lambda initializes can be named: within the block that declares it (the
    /// nearest block above; a switch section's locals belong to the whole switch, inside that block too).
    /// </summary>
    private static IOperation GetScope(IOperation function)
    {
        IOperation current = function;
        while (current.Parent is not null)
        {
            current = current.Parent;
            if (current is IBlockOperation)
            {
                return current;
            }
        }

        return current;
    }

    /// <summary>The local a lambda initializes (<c>Action log = () =&gt; ...;</c>), or <see langword="null"/>.</summary>
    private static ILocalSymbol? GetInitializedLocal(IAnonymousFunctionOperation lambda) =>
        ParentBeyondDelegateCreation(lambda) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { RefKind: RefKind.None } local } }
            ? local
            : null;

    /// <summary>
    /// The uses of a local function or local delegate (<paramref name="name"/>) in the block that declares it, except those
    /// in its own body (a recursive call runs only when the function already does).
    /// </summary>
    private static IEnumerable<IOperation> UsesOutsideItself(IOperation function, ISymbol name)
    {
        foreach (IOperation descendant in GetScope(function).Descendants())
        {
            if (IsUseOf(descendant, name) && !IsWithin(descendant, function))
            {
                yield return descendant;
            }
        }
    }

    private static bool IsUseOf(IOperation operation, ISymbol name) => operation switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, name),
        IInvocationOperation invocation => SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, name),
        IMethodReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, name),
        _ => false,
    };

    private static bool IsWithin(IOperation operation, IOperation ancestor)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeferredUse(IOperation use, StmSymbols symbols, int depth)
    {
        if (use is ILocalReferenceOperation && IsWrite(use))
        {
            return false;
        }

        // Atomic.OnCommit(log.Invoke): the method group of the delegate's Invoke is handed over.
        IOperation handed = use is ILocalReferenceOperation { Parent: IMethodReferenceOperation { Method.MethodKind: MethodKind.DelegateInvoke } invoke }
            ? invoke
            : use;
        return IsHandedToDeferredHandler(handed, symbols) || IsInDeferredCode(use, null, symbols, depth);
    }

    /// <summary>A write to the variable itself: an assignment, a <c>ref</c>/<c>out</c> argument, a deconstruction.</summary>
    private static bool IsWrite(IOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IArgumentOperation argument => argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out },
        ITupleOperation => true,
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } } => true,
        _ => false,
    };

    /// <summary>Whether a method group or delegate value is the argument of <c>OnCommit</c>/<c>OnAbort</c> (<c>Atomic.OnCommit(Save)</c>).</summary>
    public static bool IsHandedToDeferredHandler(IOperation value, StmSymbols symbols) =>
        GetInvocationReceivingDelegate(value) is { } receiver && symbols.IsDeferredHandler(receiver.TargetMethod);

    /// <summary>
    /// Whether <paramref name="operation"/> runs only in an <c>OnCommit</c>/<c>OnAbort</c> handler: inside a lambda handed
    /// to one, or inside a local function or local delegate that only runs as one (<see cref="RunsOnlyDeferred"/>), below
    /// <paramref name="root"/> (the whole tree when <see langword="null"/>).
    /// </summary>
    private static bool IsInDeferredCode(IOperation operation, IOperation? root, StmSymbols symbols, int depth)
    {
        for (IOperation? current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                IInvocationOperation? receiver = GetInvocationReceivingDelegate(lambda);
                if (receiver is null)
                {
                    if (RunsOnlyDeferred(lambda, symbols, depth + 1))
                    {
                        return true;
                    }
                }
                else if (symbols.IsDeferredHandler(receiver.TargetMethod))
                {
                    return true;
                }
            }
            else if (current is ILocalFunctionOperation && RunsOnlyDeferred(current, symbols, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a lambda or method group is handed to an atomic entry point (or a wrapper of one) as the body.</summary>
    public static bool IsPassedAsAtomicBody(IOperation function, StmSymbols symbols) =>
        GetReceivingArgument(function) is { } argument && symbols.IsAtomicArgument(argument);

    /// <summary>The argument through which a lambda or method group is passed, or <see langword="null"/>.</summary>
    public static IArgumentOperation? GetReceivingArgument(IOperation function) => ParentBeyondDelegateCreation(function) as IArgumentOperation;

    /// <summary>What a lambda or method group is the value of, past the delegate creation and any conversion.</summary>
    private static IOperation? ParentBeyondDelegateCreation(IOperation function)
    {
        IOperation? current = function.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>
    /// The invocation a lambda is passed to as an argument (through the delegate creation and any conversion),
    /// or <see langword="null"/> when it is stored, returned or invoked directly.
    /// </summary>
    public static IInvocationOperation? GetInvocationReceivingDelegate(IOperation function) =>
        GetReceivingArgument(function)?.Parent as IInvocationOperation;

    /// <summary>
    /// Whether <paramref name="operation"/> sits, below <paramref name="root"/>, in a lambda that is handed to
    /// <c>OnCommit</c>/<c>OnAbort</c> or in a local function or local delegate that only runs as such a handler.
    /// </summary>
    public static bool IsInDeferredHandler(IOperation operation, IOperation root, StmSymbols symbols) =>
        IsInDeferredCode(operation, root, symbols, 0);

    /// <summary>
    /// Whether the atomic body has certainly called <c>Atomic.BecomeInevitable()</c> when <paramref name="operation"/>
    /// runs: from there on the transaction cannot abort, so irreversible effects are what the user asked for. Only a call
    /// that always runs first counts (<see cref="FindInevitableRegion"/>); an operation in a local function runs where the
    /// function is used (<see cref="GetEarliestRunPosition"/>).
    /// </summary>
    public static bool IsInevitableBefore(IOperation body, IOperation operation, StmSymbols symbols) =>
        FindInevitableRegion(body, symbols) is { } region && IsInRegion(operation, body, region, symbols);

    /// <summary>
    /// Where a function body (an atomic lambda, a method, an accessor, a local function) is certainly inevitable: from the
    /// end of its first <c>Atomic.BecomeInevitable();</c> that always runs, up to the first label after it (a <c>goto</c>
    /// from before the call may jump there), or <see langword="null"/> when there is no such call. A call counts only as an
    /// expression statement of the body's own statement list, or of a plain block, a <c>using</c> or <c>lock</c> body or a
    /// labeled statement nested in it: not inside an <c>if</c>, <c>switch</c>, loop, <c>try</c>, lambda or local function,
    /// which may not run it (or not before what follows). Walks the top-level statements only.
    /// </summary>
    public static TextSpan? FindInevitableRegion(IOperation body, StmSymbols symbols)
    {
        IBlockOperation? block = GetBodyBlock(body);
        if (block is null || FindUnconditionalInevitableCall(block.Operations, symbols) is not { } call)
        {
            return null;
        }

        int start = call.Syntax.Span.End;
        int end = int.MaxValue;
        foreach (SyntaxNode node in block.Syntax.DescendantNodes(IsStatementLevel))
        {
            if (node is LabeledStatementSyntax label && label.SpanStart >= start && label.SpanStart < end)
            {
                end = label.SpanStart;
            }
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Whether <paramref name="operation"/>, in <paramref name="body"/>, only runs within <paramref name="region"/> (<see cref="FindInevitableRegion"/>).</summary>
    public static bool IsInRegion(IOperation operation, IOperation body, TextSpan region, StmSymbols symbols) =>
        GetEarliestRunPosition(operation, body, symbols, 0) is { } position && position >= region.Start && position < region.End;

    private static IBlockOperation? GetBodyBlock(IOperation body) => body switch
    {
        IAnonymousFunctionOperation lambda => lambda.Body,
        ILocalFunctionOperation localFunction => localFunction.Body,
        IMethodBodyOperation method => method.BlockBody,
        IConstructorBodyOperation constructor => constructor.BlockBody,
        IBlockOperation block => block,
        _ => null,
    };

    private static IOperation? FindUnconditionalInevitableCall(ImmutableArray<IOperation> statements, StmSymbols symbols)
    {
        foreach (IOperation statement in statements)
        {
            IOperation? call = statement switch
            {
                IExpressionStatementOperation { Operation: IInvocationOperation invocation }
                    when symbols.IsBecomeInevitable(invocation.TargetMethod) => statement,
                IBlockOperation block => FindUnconditionalInevitableCall(block.Operations, symbols),
                IUsingOperation { Body: { } inner } => FindUnconditionalInevitableCall(StatementsOf(inner), symbols),
                ILockOperation { Body: { } inner } => FindUnconditionalInevitableCall(StatementsOf(inner), symbols),
                ILabeledOperation { Operation: { } inner } => FindUnconditionalInevitableCall(StatementsOf(inner), symbols),
                _ => null,
            };
            if (call is not null)
            {
                return call;
            }
        }

        return null;
    }

    /// <summary>A block's statements, or a single statement as a list of one.</summary>
    private static ImmutableArray<IOperation> StatementsOf(IOperation statement) =>
        statement is IBlockOperation block ? block.Operations : ImmutableArray.Create(statement);

    /// <summary>Statements and the clauses that hold them; not expressions (a label in a lambda is not a target for a jump here).</summary>
    private static bool IsStatementLevel(SyntaxNode node) =>
        node is StatementSyntax or SwitchSectionSyntax or CatchClauseSyntax or FinallyClauseSyntax or ElseClauseSyntax;

    /// <summary>
    /// Where in <paramref name="body"/> <paramref name="operation"/> may first run: its own position, or, inside a local
    /// function of the body (which its callers may call before its declaration), the earliest place the function is used,
    /// outside its own body; <see langword="null"/> when that cannot be told (a function never used in the body, or too
    /// deep a chain of them). A lambda cannot run before it is created, so its position stands.
    /// </summary>
    private static int? GetEarliestRunPosition(IOperation operation, IOperation body, StmSymbols symbols, int depth)
    {
        for (IOperation? current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is not ILocalFunctionOperation localFunction)
            {
                continue;
            }

            if (depth > MaxDeferredDepth)
            {
                return null;
            }

            int? earliest = null;
            foreach (IOperation use in UsesOutsideItself(localFunction, localFunction.Symbol))
            {
                if (GetEarliestRunPosition(use, body, symbols, depth + 1) is { } position
                    && (earliest is null || position < earliest))
                {
                    earliest = position;
                }
            }

            return earliest;
        }

        return operation.Syntax.SpanStart;
    }

    /// <summary>The innermost method, local function or accessor whose body holds <paramref name="operation"/>, skipping lambdas.</summary>
    public static ISymbol GetContainingMember(IOperation operation, ISymbol containingSymbol)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation localFunction)
            {
                return localFunction.Symbol;
            }
        }

        return containingSymbol;
    }
}
