using System.Collections.Generic;
using Stm;

namespace Misuse;

/// <summary>A transactional class with every declaration mistake the analyzers know.</summary>
[Transactional]
internal partial class Account
{
    public Account(string owner, long balance)
    {
        Owner = owner;
        Balance = balance;
    }

    // STM0002: a mutable field of a [Transactional] class is not tracked.
    public long Pending;

    // STM0003: the barrier covers which list this is, not the list's contents.
    public partial List<string> History { get; set; }

    // STM0004 (info, raised to warning in .editorconfig): immutable, so its reads are not recorded.
    public string Id { get; } = "A-1";

    // STM0005 (info, raised to warning): only the constructor assigns it; a plain get-only property would do.
    public partial string Owner { get; set; }

    public partial long Balance { get; set; }
}

#if SHOW_ERRORS
// STM0001 (error): the generator cannot add to a class that is not partial.
[Transactional]
internal class Ledger
{
}
#endif
