using System.Collections.Generic;
using Stm;

namespace People;

/// <summary>A person: equality, printing and with-copies go through the properties.</summary>
[Transactional]
public partial record class Person
{
    /// <summary>Creates a person.</summary>
    public Person(string name, int age)
    {
        Name = name;
        Age = age;
    }

    /// <summary>Immutable.</summary>
    public string Name { get; }

    /// <summary>Transactional.</summary>
    public partial int Age { get; set; }

    /// <summary>Transactional, nullable.</summary>
    public partial string? Email { get; set; }

    /// <summary>Init-only immutable.</summary>
    public int Year { get; init; }

    /// <summary>Computed: printed, not compared.</summary>
    public bool Adult => Age >= 18;

    private readonly List<string> _tags = new();

    internal int Visits;
}
