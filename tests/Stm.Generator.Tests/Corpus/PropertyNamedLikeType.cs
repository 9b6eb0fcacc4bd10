// expect-files: 1
using Stm;
[Transactional]
public partial class Item
{
    public partial int Item { get; set; }
    public partial int Other { get; set; }
}
