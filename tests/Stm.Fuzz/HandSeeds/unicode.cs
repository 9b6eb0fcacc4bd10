//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace Ünï.Cödé;
[Transactional] public partial class Ďata\u0041 { public partial int Příliš { get; set; } public partial int a\u0301 { get; set; } public partial int á { get; set; } }
[Transactional] public partial class data { public partial int X { get; set; } }
[Transactional] public partial class Data { public partial int X { get; set; } }
[Transactional] public partial class DATA<T> { public partial int X { get; set; } }
[Transactional] public partial class 𝒳 { public partial int 𝒴 { get; set; } }
