namespace Stm.Engine;

/// <summary>
/// A transaction body as a (possibly ref) struct, so one runner serves <c>Action</c>, <c>Func&lt;T&gt;</c> and
/// the internal one-write transactions without allocating a closure.
/// </summary>
/// <typeparam name="TResult">What the body returns.</typeparam>
internal interface ITransactionBody<out TResult>
{
    TResult Invoke();
}
