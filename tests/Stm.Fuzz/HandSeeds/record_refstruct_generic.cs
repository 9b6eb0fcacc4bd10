//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using Stm;
namespace R;
[Transactional]
public partial record G<T> where T : allows ref struct
{
    public T Val => default!;
    public Span<int> Sp => default;
    public ReadOnlySpan<char> Rs => "x";
    public partial int X { get; set; }
}
