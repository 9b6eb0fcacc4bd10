// expect-files: 0
using Stm;
[Transactional]
public partial interface IShape
{
    partial int Sides { get; set; }
}
