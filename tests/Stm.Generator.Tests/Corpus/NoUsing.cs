// expect-files: 0
[Transactional]
public partial class NoUsing
{
    public partial int X { get; set; }
}
