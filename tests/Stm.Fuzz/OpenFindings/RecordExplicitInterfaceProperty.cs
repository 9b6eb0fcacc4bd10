// generated-error: CS1061 '?' does not contain a definition for '?' ... [clean]
// A record with an explicitly implemented interface property: the generated copy constructor copies it as a member
// of the record (this.I.X = original.I.X), which does not exist.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
public interface I { int X { get; set; } }
[Stm.Transactional]
public partial record R : I
{
    int I.X { get; set; }
}
