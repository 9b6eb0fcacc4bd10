// generated-error: CS0117 '?' does not contain a definition for '?' [clean]
// The user declares Stm.Internal.Barrier: the generated code's global::Stm.Internal.Barrier binds to it (with CS0436
// and CS1574 warnings in the generated file). Probably acceptable (the name is the runtime's own), but an analyzer
// could say so.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
namespace Stm.Internal { public static class Barrier { } }
[Stm.Transactional] public partial class C { public partial int P { get; set; } }
