using System;

namespace Stm.Generated.Tests.Model;

public interface IHasCode
{
    int Code { get; set; }
}

public interface IHasLabel<T>
{
    T Label { get; init; }
}

/// <summary>
/// Record state the generated record members cannot name in C#: <c>[Obsolete]</c> errors (CS0619) and explicit interface
/// implementations. The compiler's own record members include them; so must ours, or a <c>with</c> copy would lose them.
/// </summary>
[Transactional]
public partial record Legacy : IHasCode, IHasLabel<string>
{
    [Obsolete("gone", true)] public int OldAge { get; init; }

#pragma warning disable STM0002 // untracked on purpose: the tests check that the record members reach them
    [Obsolete("gone", true)] public string? OldNote;

    [Obsolete("gone", true)] public int Constant => 7;

    [Obsolete("gone", true)] public partial int OldBalance { get; set; }

    int IHasCode.Code { get; set; }
#pragma warning restore STM0002

    string IHasLabel<string>.Label { get; init; } = "";

    public partial string? Owner { get; set; }
}

/// <summary>The same shape as <see cref="Legacy"/> without <c>[Transactional]</c>: what the compiler's record members do.</summary>
public partial record PlainLegacy : IHasCode, IHasLabel<string>
{
    [Obsolete("gone", true)] public int OldAge { get; init; }

    [Obsolete("gone", true)] public string? OldNote;

    [Obsolete("gone", true)] public int Constant => 7;

    [Obsolete("gone", true)] public int OldBalance { get; set; }

    int IHasCode.Code { get; set; }

    string IHasLabel<string>.Label { get; init; } = "";

    public string? Owner { get; set; }
}

/// <summary><c>dynamic</c> members: compared as objects.</summary>
[Transactional]
public partial record Bag
{
    public dynamic? Loose { get; init; }

    public partial dynamic? Value { get; set; }

    public partial int After { get; set; }
}

/// <summary>A hand-written copy constructor (which runs no field initializers) and non-nullable transactional properties.</summary>
[Transactional]
public sealed partial record Named
{
    public Named(string name)
    {
        Name = name;
        Tags = "none";
    }

    private Named(Named original)
    {
        Name = original.Name + " (copy)";
        Tags = original.Tags;
    }

    public partial string Name { get; set; }

    public partial string Tags { get; set; }
}

/// <summary>Properties with <c>field</c>-keyword backing fields: the fields are record state, only the properties have names.</summary>
[Transactional]
public partial record Limits
{
#pragma warning disable STM0002 // untracked on purpose: the tests check that the record members reach them
    public int Limit { get => field; init => field = value > 0 ? value : 1; }

    public string Label { get => field ??= "none"; init => field = value; }

    public int Clamped { get => field; set => field = Math.Max(0, value); }
#pragma warning restore STM0002

    public int Doubled => Limit * 2;

    public partial int Count { get; set; }
}

/// <summary>The same shape as <see cref="Limits"/> without <c>[Transactional]</c>.</summary>
public partial record PlainLimits
{
    public int Limit { get => field; init => field = value > 0 ? value : 1; }

    public string Label { get => field ??= "none"; init => field = value; }

    public int Clamped { get => field; set => field = Math.Max(0, value); }

    public int Doubled => Limit * 2;

    public int Count { get; set; }
}
