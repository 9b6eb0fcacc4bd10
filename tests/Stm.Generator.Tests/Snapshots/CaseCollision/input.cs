using Stm;

namespace Names;

/// <summary>Upper.</summary>
[Transactional]
public partial class Node
{
    /// <summary>A.</summary>
    public partial int A { get; set; }
}

/// <summary>Lower: the hint names collide case-insensitively.</summary>
[Transactional]
public partial class node
{
    /// <summary>A.</summary>
    public partial int A { get; set; }
}

/// <summary>Generic: the arity keeps the names apart.</summary>
[Transactional]
public partial class Node<T>
{
    /// <summary>A.</summary>
    public partial T A { get; set; }
}
