// expect-files: 0
using Stm;
public partial class Host
{
    [Transactional]
    public void M() { }
}
