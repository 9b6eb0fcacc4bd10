//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
using System.Diagnostics.CodeAnalysis;
namespace N;
[Transactional]
public partial class C
{
    public required partial string Name { get; init; }
    public required partial int Age { get; set; }
    public partial string Opt { get; init; }
    [SetsRequiredMembers] public C() { Name = ""; Age = 1; Opt = ""; }
    public C(int x) { }
}
[Transactional]
public partial class D : C
{
    public required partial string Extra { get; set; }
}
