using System;
using Stm.Internal;

namespace Stm.Engine;

/// <summary>
/// Thrown by a barrier or by commit when the current attempt has lost a conflict. It unwinds the user's
/// body to <see cref="TransactionRunner"/>, which rolls the attempt back and re-runs it. Never escapes
/// <see cref="Atomic.Run(Action)"/>.
/// </summary>
internal sealed class ConflictException : Exception
{
    internal ConflictException(ConflictKind kind, TransactionalProperty property)
        : base("The transaction lost a " + kind + " conflict on " + property.DisplayName + " and will be re-run. " +
               "This exception is part of Stm's control flow: do not catch it inside an atomic block.")
    {
        Kind = kind;
        Property = property;
    }

    internal ConflictKind Kind { get; }

    internal TransactionalProperty Property { get; }
}
