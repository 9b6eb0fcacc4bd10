namespace Stm.Stress;

// Transactional classes shared by several scenarios. Classes used by one scenario only live in its file.

/// <summary>A bank account (bank, inevitable, solo).</summary>
[Transactional]
internal sealed partial class Account
{
    public Account(int id, long balance)
    {
        Id = id;
        Balance = balance;
    }

    public int Id { get; }

    public partial long Balance { get; set; }
}

/// <summary>One transactional long: flags, ping-pong counters, ledger cells.</summary>
[Transactional]
internal sealed partial class Cell
{
    public partial long V { get; set; }
}

/// <summary>Several fields of different sizes written together (outside, stats).</summary>
[Transactional]
internal sealed partial class Box
{
    /// <summary>32 bytes: a torn read (part old, part new) shows as unequal components.</summary>
    public partial Quad P { get; set; }

    public partial long Seq { get; set; }

    public partial long A { get; set; }

    public partial long B { get; set; }

    public partial string? Tag { get; set; }
}

/// <summary>Count and sum of a collection, updated in the same transactions as the collection (tlist, tdict).</summary>
[Transactional]
internal sealed partial class Mirror
{
    public partial long Count { get; set; }

    public partial long Sum { get; set; }

    /// <summary>Committed worker transactions (tlist: must equal the workers' own count).</summary>
    public partial long Ops { get; set; }
}

/// <summary>Four equal longs: any read that returns unequal components saw a torn (half-written) struct.</summary>
internal readonly record struct Quad(long X, long Y, long Z, long W)
{
    public Quad(long value)
        : this(value, value, value, value)
    {
    }

    public bool IsConsistent => X == Y && Y == Z && Z == W;

    public bool Is(long value) => X == value && Y == value && Z == value && W == value;
}
