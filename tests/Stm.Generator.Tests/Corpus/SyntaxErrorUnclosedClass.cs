// expect-files: any
using Stm;
namespace N;
[Transactional]
public partial class Broken
{
    public partial int X { get; set; }
    public void M( { 

