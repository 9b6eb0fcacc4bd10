using System;

namespace Stm.Engine;

/// <summary>An <see cref="Action"/> as a transaction body.</summary>
internal readonly struct ActionBody(Action action) : ITransactionBody<bool>
{
    public bool Invoke()
    {
        action();
        return true;
    }
}

/// <summary>A <see cref="Func{T}"/> as a transaction body.</summary>
internal readonly struct FuncBody<T>(Func<T> func) : ITransactionBody<T>
{
    public T Invoke() => func();
}

/// <summary>One item of <see cref="Atomic.ForEach{T}"/> as a transaction body: made by the thread that runs it, not allocated.</summary>
internal readonly struct ItemBody<T>(Action<T> body, T item) : ITransactionBody<bool>
{
    public bool Invoke()
    {
        body(item);
        return true;
    }
}
