using Stm;

namespace People;

/// <summary>The base record.</summary>
[Transactional]
public abstract partial record Animal
{
    /// <summary>Name.</summary>
    public partial string Name { get; set; }
}

/// <summary>A derived record, sealed.</summary>
[Transactional]
public sealed partial record Dog : Animal
{
    /// <summary>Good boy.</summary>
    public partial bool Good { get; set; }
}

/// <summary>A derived record, open, with nothing printable.</summary>
[Transactional]
public partial record Cat : Animal
{
    private partial int Lives { get; set; }
}

/// <summary>A plain record base.</summary>
public record Plain(int Id);

/// <summary>A transactional record deriving from a plain one: it declares the header.</summary>
[Transactional]
public sealed partial record Tracked(int Id) : Plain(Id)
{
    /// <summary>Count.</summary>
    public partial int Count { get; set; }
}
