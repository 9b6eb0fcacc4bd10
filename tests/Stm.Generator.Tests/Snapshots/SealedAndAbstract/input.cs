using Stm;

namespace Shapes
{
    /// <summary>Sealed: the header is private.</summary>
    [Transactional]
    public sealed partial class Point
    {
        /// <summary>X.</summary>
        public partial double X { get; set; }

        /// <summary>Y.</summary>
        public partial float Y { get; set; }
    }

    /// <summary>Abstract.</summary>
    [Transactional]
    public abstract partial class Shape
    {
        /// <summary>Name.</summary>
        public partial string? Name { get; set; }

        /// <summary>Area.</summary>
        public abstract double Area();
    }
}
