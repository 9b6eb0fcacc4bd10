//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public partial interface I
{
    [Transactional] public partial class Nested { public partial int X { get; set; } public static partial int S { get; set; } }
    static abstract int Abs { get; set; }
    public partial int IP { get; set; }
}
