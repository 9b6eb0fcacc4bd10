// expect-files: 1
// A public computed property of a type parameter that allows ref structs: the compiler's own PrintMembers boxes it
// behind C#'s back, but C# source cannot convert such a T to object (CS0030), nor call ToString on it. Generated
// printing leaves it out (like a pointer); it is not state, so equality never read it.
using Stm;

[Transactional]
public partial record Viewer<T> where T : allows ref struct
{
    public T View => default!;
    public partial int Count { get; set; }
}
