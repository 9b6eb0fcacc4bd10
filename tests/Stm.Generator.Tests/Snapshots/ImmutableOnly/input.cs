using Stm;

namespace Values;

/// <summary>Only immutable members: only the header is generated.</summary>
[Transactional]
public partial class Constant
{
    private readonly int _value;

    /// <summary>Creates it.</summary>
    public Constant(int value) => _value = value;

    /// <summary>The value.</summary>
    public int Value => _value;

    /// <summary>Name.</summary>
    public string Name { get; } = "c";
}
