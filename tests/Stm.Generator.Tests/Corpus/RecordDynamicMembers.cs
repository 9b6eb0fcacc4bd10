// expect-files: 1
// 'dynamic' members of a record: a comparer call with dynamic arguments is bound at run time and its result is
// dynamic, so the flow analysis forgot 'other is not null' for the members after it (CS8602 in generated code).
using Stm;

[Transactional]
public partial record Bag
{
    public dynamic? Loose { get; init; }
    public partial dynamic Value { get; set; }
    public partial dynamic? Maybe { get; set; }
    public partial int After { get; set; }
    public string? Last { get; init; }
}
