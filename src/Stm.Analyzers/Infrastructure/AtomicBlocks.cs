using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Stm.Analyzers.Infrastructure;

/// <summary>
/// Answers "is this operation inside an atomic block?": lexically inside a lambda or anonymous method passed to an
/// atomic entry point (<see cref="StmSymbols.IsAtomicEntryPoint"/>) or to a method that forwards it to one
/// (<see cref="StmSymbols.IsAtomicArgument(IArgumentOperation)"/>). Other lambdas on the way up (a <c>Select</c>,
/// a <c>List.ForEach</c>) are assumed to run where they are written; a lambda passed to <c>OnCommit</c>/<c>OnAbort</c>
/// runs after the transaction, so nothing inside it is in the block.
/// </summary>
internal static class AtomicBlocks
{
    /// <summary>The atomic body enclosing <paramref name="operation"/>, or <see langword="null"/>.</summary>
    public static IAnonymousFunctionOperation? FindEnclosingBody(IOperation operation, StmSymbols symbols)
    {
        // Atomic.OnCommit(Save): the method group runs after the commit, like a lambda would.
        if (operation is IMethodReferenceOperation
            && GetInvocationReceivingDelegate(operation) is { } handlerReceiver
            && symbols.IsDeferredHandler(handlerReceiver.TargetMethod))
        {
            return null;
        }

        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                IInvocationOperation? receiver = GetInvocationReceivingDelegate(lambda);
                if (receiver is not null)
                {
                    if (IsPassedAsAtomicBody(lambda, symbols))
                    {
                        return lambda;
                    }

                    if (symbols.IsDeferredHandler(receiver.TargetMethod))
                    {
                        return null;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether a lambda or method group is handed to an atomic entry point (or a wrapper of one) as the body.</summary>
    public static bool IsPassedAsAtomicBody(IOperation function, StmSymbols symbols) =>
        GetReceivingArgument(function) is { } argument && symbols.IsAtomicArgument(argument);

    /// <summary>The argument through which a lambda or method group is passed, or <see langword="null"/>.</summary>
    public static IArgumentOperation? GetReceivingArgument(IOperation function)
    {
        IOperation? current = function.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current as IArgumentOperation;
    }

    /// <summary>
    /// The invocation a lambda is passed to as an argument (through the delegate creation and any conversion),
    /// or <see langword="null"/> when it is stored, returned or invoked directly.
    /// </summary>
    public static IInvocationOperation? GetInvocationReceivingDelegate(IOperation function)
    {
        IOperation? current = function.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation invocation } ? invocation : null;
    }

    /// <summary>Whether <paramref name="operation"/> sits in a lambda that is handed to <c>OnCommit</c>/<c>OnAbort</c>, below <paramref name="root"/>.</summary>
    public static bool IsInDeferredHandler(IOperation operation, IOperation root, StmSymbols symbols)
    {
        for (IOperation? current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda
                && GetInvocationReceivingDelegate(lambda) is { } receiver
                && symbols.IsDeferredHandler(receiver.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the atomic body calls <c>Atomic.BecomeInevitable()</c> before <paramref name="position"/>: from there on
    /// the transaction cannot abort, so irreversible effects are what the user asked for.
    /// </summary>
    public static bool IsInevitableBefore(IOperation body, int position, StmSymbols symbols)
    {
        foreach (IOperation descendant in body.Descendants())
        {
            if (descendant is IInvocationOperation invocation
                && invocation.Syntax.SpanStart < position
                && symbols.IsBecomeInevitable(invocation.TargetMethod)
                && !IsInDeferredHandler(invocation, body, symbols))
            {
                return true;
            }
        }

        return false;
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
