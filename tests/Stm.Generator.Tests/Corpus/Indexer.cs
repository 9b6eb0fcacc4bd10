// expect-files: 1
using Stm;
[Transactional]
public partial class Indexed
{
    public partial int this[int index] { get; set; }
}
