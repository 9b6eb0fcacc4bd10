using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Stm;

namespace Types;

/// <summary>A color.</summary>
public enum Color
{
    /// <summary>Red.</summary>
    Red,
}

/// <summary>A value.</summary>
public struct Money
{
    /// <summary>Cents.</summary>
    public long Cents;
}

/// <summary>Every kind of property type.</summary>
[Transactional]
public partial class Everything
{
    /// <summary>A.</summary>
    public partial byte Byte { get; set; }
    /// <summary>A.</summary>
    public partial decimal Decimal { get; set; }
    /// <summary>A.</summary>
    public partial double Double { get; set; }
    /// <summary>A.</summary>
    public partial nint Native { get; set; }
    /// <summary>A.</summary>
    public partial int? NullableInt { get; set; }
    /// <summary>A.</summary>
    public partial string Text { get; set; }
    /// <summary>A.</summary>
    public partial object? Anything { get; set; }
    /// <summary>A.</summary>
    public partial Color Color { get; set; }
    /// <summary>A.</summary>
    public partial Money Money { get; set; }
    /// <summary>A.</summary>
    public partial DateTime When { get; set; }
    /// <summary>A.</summary>
    public partial Guid Id { get; set; }
    /// <summary>A.</summary>
    public partial int[] Numbers { get; set; }
    /// <summary>A.</summary>
    public partial string?[]? Names { get; set; }
    /// <summary>A.</summary>
    public partial int[,] Grid { get; set; }
    /// <summary>A.</summary>
    public partial List<string?> List { get; set; }
    /// <summary>A.</summary>
    public partial Dictionary<string, List<int>> Map { get; set; }
    /// <summary>A.</summary>
    public partial ImmutableArray<int> Immutable { get; set; }
    /// <summary>A.</summary>
    public partial (int Count, string? Label) Tuple { get; set; }
    /// <summary>A.</summary>
    public partial Func<int, string>? Callback { get; set; }
    /// <summary>A.</summary>
    public partial Everything? Other { get; set; }
    /// <summary>A.</summary>
    public partial dynamic Dynamic { get; set; }
    /// <summary>A.</summary>
    public partial KeyValuePair<string, Everything?> Pair { get; set; }
}
