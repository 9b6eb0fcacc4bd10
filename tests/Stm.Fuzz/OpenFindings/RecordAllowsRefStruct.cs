// generated-error: CS0030 Cannot convert type '?' to '?' [clean]
// A record whose type parameter allows ref structs: the generated PrintMembers boxes a member of that type
// ((object?)this.V), which is illegal for a ref struct.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
[Stm.Transactional]
public partial record R<T> where T : allows ref struct
{
    public T V => default!;
}
