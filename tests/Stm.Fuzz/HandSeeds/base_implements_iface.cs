//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
using Stm.Internal;
namespace N;
public class ManualBase : ITransactionalObject
{
    private TxHeader _h = TxHeader.Create();
    ref TxHeader ITransactionalObject.StmHeader => ref _h;
    object ITransactionalObject.StmClone() => MemberwiseClone();
    void ITransactionalObject.StmPublish(object copy) { }
}
[Transactional]
public partial class Derived : ManualBase
{
    public partial int P { get; set; }
}
