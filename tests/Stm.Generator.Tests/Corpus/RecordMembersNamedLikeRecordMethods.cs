// expect-files: 3
// Record state named like a method the compiler synthesizes (GetHashCode, PrintMembers, Equals): the compiler reports
// CS0102 at the user's declaration against its own member. The generator emitted the method anyway, which moved the
// error into the generated file and made the copy constructor assign to a method group (CS1656).
using Stm;

[Transactional]
partial record Buffers
{
    int[]? GetHashCode;
    public partial int Count { get; set; }
}

[Transactional]
partial record Printer
{
    public int PrintMembers { get; init; }
    public partial int Count { get; set; }
}

[Transactional]
partial record Comparer
{
    public string? Equals;
    public partial int Count { get; set; }
}
