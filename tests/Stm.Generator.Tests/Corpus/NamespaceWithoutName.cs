// expect-files: 0
// A namespace declaration without a name (CS1001): the generated file opened the same nameless namespace.
namespace { [Stm.Transactional] public partial class C { public partial int X { get; set; } } }
