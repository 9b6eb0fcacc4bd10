// expect-files: 1
using Stm;
[Transactional]
public unsafe partial record Raw
{
    public int* Pointer;
    public partial int Count { get; set; }
}
