// generated-error: CS1001 Identifier expected [input-has-errors]   (and CS1002, CS0103, CS0201)
// A namespace declaration without a name: the generated file opens the same nameless namespace.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
namespace { [Stm.Transactional] public partial class C { public partial int X { get; set; } } }
