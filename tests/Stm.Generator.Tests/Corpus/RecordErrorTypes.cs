// expect-files: 1
using Stm;

[Transactional]
public partial record Broken
{
    public Missing? Field;
    public MissingToo Auto { get; init; }
    public System.Collections.Generic.List<Nope> Items { get; } = new();
    public partial int Count { get; set; }
}
