using Stm;

namespace Zoo;

/// <summary>The root: declares the header.</summary>
[Transactional]
public partial class Vehicle
{
    /// <summary>Speed.</summary>
    public partial int Speed { get; set; }
}

/// <summary>Not transactional in the middle.</summary>
public class Car : Vehicle
{
}

/// <summary>Derived twice: uses the root's header.</summary>
[Transactional]
public sealed partial class RaceCar : Car
{
    /// <summary>Turbo.</summary>
    public partial bool Turbo { get; set; }
}

/// <summary>A plain base class.</summary>
public class Base
{
}

/// <summary>Transactional root below a plain base.</summary>
[Transactional]
public partial class Thing : Base
{
    /// <summary>Weight.</summary>
    public partial double Weight { get; set; }
}
