// generated-warning: CS8602 Dereference of a possibly null reference. [clean]
// A record with a non-nullable dynamic partial property: the generated equality or printing dereferences it.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
[Stm.Transactional]
public partial record R
{
    public partial dynamic Q { get; set; }
    public partial int Z { get; set; }
}
