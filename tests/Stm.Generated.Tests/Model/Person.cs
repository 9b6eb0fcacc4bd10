namespace Stm.Generated.Tests.Model;

/// <summary>A transactional record: equality, printing and <c>with</c> go through the properties.</summary>
[Transactional]
public partial record Person(string Name)
{
    public partial int Age { get; set; }

    public partial string? City { get; set; }
}

/// <summary>A derived transactional record.</summary>
[Transactional]
public sealed partial record Employee(string Name, string Company) : Person(Name)
{
    public partial decimal Salary { get; set; }
}
