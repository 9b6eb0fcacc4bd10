// generated-error: CS8703 The modifier '?' is not valid for this item in C# N.N. ... [input-has-errors]
// Partial properties need C# 13: the user's declaration is an error already, and the generated implementation
// repeats it inside the generated file. The generator could emit nothing below C# 13.
//// CONFIG: CSharp12 Enable DynamicallyLinkedLibrary
//// FILE: A.cs
[Stm.Transactional] public partial class C { public partial int P { get; set; } }
