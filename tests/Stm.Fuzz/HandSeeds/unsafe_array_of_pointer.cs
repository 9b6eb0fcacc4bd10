//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
[Transactional]
public unsafe partial class C
{
    public partial int*[] PA { get; set; }
}
[Transactional]
public partial class D
{
    public unsafe partial int*[] PA { get; set; }
    public unsafe partial delegate*<void>[] FA { get; set; }
}
