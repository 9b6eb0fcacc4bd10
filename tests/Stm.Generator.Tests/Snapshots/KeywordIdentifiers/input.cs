using Stm;

namespace @namespace.@class;

/// <summary>Keywords as identifiers.</summary>
[Transactional]
public partial class @event
{
    /// <summary>A.</summary>
    public partial int @class { get; set; }

    /// <summary>A.</summary>
    public partial string? @string { get; set; }

    /// <summary>A contextual keyword.</summary>
    public partial int value { get; set; }

    /// <summary>Another one.</summary>
    public partial int field { get; set; }

    /// <summary>Unicode.</summary>
    public partial double Größe { get; set; }

    /// <summary>Unicode escape.</summary>
    public partial int \u0041lpha { get; set; }
}

/// <summary>A generic with a keyword type parameter.</summary>
[Transactional]
public partial class Holder<@var>
{
    /// <summary>A.</summary>
    public partial @var? Item { get; set; }
}
