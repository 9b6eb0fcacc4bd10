namespace Stm.Generated.Tests.Model;

/// <summary>The root of a transactional hierarchy: declares the header.</summary>
[Transactional]
public partial class Vehicle
{
    public partial int Speed { get; set; }

    public partial string Name { get; set; }
}

/// <summary>Derived: its own properties, the base's header.</summary>
[Transactional]
public sealed partial class Truck : Vehicle
{
    public partial int Load { get; set; }
}

/// <summary>A transactional class nested in a plain partial class.</summary>
public static partial class Warehouse
{
    [Transactional]
    public partial class Shelf
    {
        public partial int Items { get; set; }

        public partial Shelf? Next { get; set; }
    }
}
