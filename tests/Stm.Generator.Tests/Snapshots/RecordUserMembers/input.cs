using System.Text;
using Stm;

namespace People;

/// <summary>The user wrote Equals, GetHashCode and PrintMembers: only the copy constructor is generated.</summary>
[Transactional]
public partial record Customer
{
    /// <summary>Id.</summary>
    public partial int Id { get; set; }

    /// <inheritdoc/>
    public virtual bool Equals(Customer? other) => other is not null && Id == other.Id;

    /// <inheritdoc/>
    public override int GetHashCode() => Id;

    /// <summary>Prints.</summary>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        builder.Append("#").Append(Id);
        return true;
    }
}

/// <summary>The user wrote the copy constructor.</summary>
[Transactional]
public sealed partial record Supplier
{
    /// <summary>Creates one.</summary>
    public Supplier()
    {
    }

    private Supplier(Supplier original) => Id = original.Id;

    /// <summary>Id.</summary>
    public partial int Id { get; set; }
}
