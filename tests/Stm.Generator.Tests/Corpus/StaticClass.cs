// expect-files: 0
using Stm;
[Transactional]
public static partial class Globals
{
    public static partial int Count { get; set; }
}
