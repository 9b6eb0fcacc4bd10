// generated-error: CS9251 A partial property may not have multiple implementing declarations [input-has-errors]
// (and CS0102, CS0111, CS0229, CS0121). The same partial property declared twice (an error of its own): the
// generator implements both.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
[Stm.Transactional] public partial class C { public partial int X { get; set; } public partial int X { get; set; } }
