using Stm;

namespace People;

/// <summary>A positional record: the positional members are immutable, the partial ones transactional.</summary>
[Transactional]
public partial record Employee(string Name, int Level)
{
    /// <summary>Salary.</summary>
    public required partial decimal Salary { get; set; }

    /// <summary>Manager.</summary>
    public partial Employee? Manager { get; set; }
}
