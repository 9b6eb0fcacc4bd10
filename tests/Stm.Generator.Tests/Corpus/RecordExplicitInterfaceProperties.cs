// expect-files: 2
// Explicit interface implementations that are auto properties: their backing fields are record state (the compiler's
// equality and copy constructor include them), but 'this.I.X' does not name them (CS1061) and an init-only or get-only
// one cannot be assigned through the interface.
using Stm;

namespace Corpus.RecordExplicitInterfaceProperties
{
    public interface IHasX { int X { get; set; } }
    public interface IHasY { string Y { get; } }
    public interface IHasZ<T> { T Z { get; init; } }

    [Transactional]
    public partial record Point : IHasX, IHasY, IHasZ<long>, Other.IHasX
    {
        int IHasX.X { get; set; }
        string IHasY.Y { get; } = "y";
        long IHasZ<long>.Z { get; init; }
        int Other.IHasX.X { get; set; }
        public partial int Tag { get; set; }
    }

    [Transactional]
    public partial record Generic<T> : IHasZ<T>
    {
        T IHasZ<T>.Z { get; init; } = default!;
    }
}

namespace Corpus.RecordExplicitInterfaceProperties.Other
{
    public interface IHasX { int X { get; set; } }
}
