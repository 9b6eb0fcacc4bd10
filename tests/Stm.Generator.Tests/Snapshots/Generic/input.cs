using System;
using System.Collections.Generic;
using Stm;

namespace Containers;

/// <summary>A box.</summary>
[Transactional]
public partial class Box<T>
{
    /// <summary>The value.</summary>
    public partial T Value { get; set; }

    /// <summary>Maybe a value.</summary>
    public partial T? Maybe { get; set; }
}

/// <summary>A pair with constraints.</summary>
[Transactional]
public partial class Pair<TKey, TValue>
    where TKey : notnull, IComparable<TKey>
    where TValue : class, new()
{
    /// <summary>The key.</summary>
    public partial TKey Key { get; set; }

    /// <summary>The value.</summary>
    public partial TValue? Value { get; set; }

    /// <summary>Values by key.</summary>
    public partial Dictionary<TKey, TValue> Map { get; set; }
}

/// <summary>A struct-constrained cell.</summary>
[Transactional]
public partial class Cell<T> where T : struct
{
    /// <summary>The value.</summary>
    public partial T Value { get; set; }

    /// <summary>Maybe a value.</summary>
    public partial T? Maybe { get; set; }
}
