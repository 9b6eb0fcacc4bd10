// expect-files: 0
// A type parameter list with a missing name (CS1001): the generated file repeated the empty name, and its error.
namespace N { [Stm.Transactional] public partial class Generic<> { public partial int X { get; set; } } public partial class Outer<T, > { [Stm.Transactional] public partial class Inner { public partial int Y { get; set; } } } }
