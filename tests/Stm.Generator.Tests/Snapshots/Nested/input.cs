using Stm;

namespace World;

/// <summary>Outer.</summary>
public partial class Outer<TOuter>
{
    /// <summary>Middle.</summary>
    public partial struct Middle
    {
        /// <summary>Inner.</summary>
        [Transactional]
        public partial class Inner
        {
            /// <summary>The value.</summary>
            public partial TOuter? Value { get; set; }
        }
    }

    /// <summary>Holder.</summary>
    public partial interface IHolder
    {
        /// <summary>A transactional class nested in an interface.</summary>
        [Transactional]
        public partial class Held
        {
            /// <summary>Count.</summary>
            public partial int Count { get; set; }
        }
    }
}

/// <summary>A record holder.</summary>
public partial record Registry
{
    /// <summary>An entry.</summary>
    [Transactional]
    internal partial class Entry
    {
        /// <summary>Hits.</summary>
        public partial long Hits { get; set; }
    }
}
