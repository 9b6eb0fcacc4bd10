// expect-files: 0
// A type named System in the global namespace: global::System then names it, not the namespace (CS0437), and every
// framework name in the generated file failed (CS0426 global::System.CodeDom..., CS0117). Nothing is generated; STM0001
// says why.
using Stm;

[Transactional]
public partial class System
{
    public partial int Item { get; set; }
}
