//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public interface I { int X { get; set; } string? Y { get; set; } }
[Transactional]
public partial class C : I
{
    partial int I.X { get; set; }
    public partial string? Y { get; set; }
    int I.X { get => 0; set { } }
}
