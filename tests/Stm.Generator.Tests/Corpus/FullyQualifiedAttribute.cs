// expect-files: 1
[global::Stm.Transactional]
public partial class Qualified
{
    public partial int X { get; set; }
}
