// generated-error: CS0102 The type '?' already contains a definition for '?' [clean]   (and CS1656, CS0176, CS1503)
// Found by this fuzzer on its first run. A record with a field named GetHashCode (or PrintMembers) compiles, the
// compiler then does not synthesize that member; the generator still emits GetHashCode() (PrintMembers) and
// copies the field, so the generated file redefines the name and assigns to a method group.
//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;

[Transactional]
partial record Buffers
{
    int[]? GetHashCode;
    public partial int Count { get; set; }
}
