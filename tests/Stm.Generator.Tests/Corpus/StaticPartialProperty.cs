// expect-files: 1
using Stm;
[Transactional]
public partial class Statics
{
    public static partial int Count { get; set; }
}
