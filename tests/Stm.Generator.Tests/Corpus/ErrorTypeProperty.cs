// expect-files: 1
using Stm;
[Transactional]
public partial class Uses
{
    public partial Missing Thing { get; set; }
    public partial int Fine { get; set; }
}
