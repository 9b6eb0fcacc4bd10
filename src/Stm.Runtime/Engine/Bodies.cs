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
