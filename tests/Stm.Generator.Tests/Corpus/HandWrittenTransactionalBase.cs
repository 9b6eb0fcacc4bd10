// expect-files: 0
// A base class that implements ITransactionalObject by hand has no generated header field or publish method for the
// derived class's generated part to build on (CS0115, CS0103 in the generated file). STM0001 explains instead.
using Stm;
using Stm.Internal;

namespace Corpus.HandWrittenTransactionalBase;

public class ManualBase : ITransactionalObject
{
    private TxHeader _header = TxHeader.Create();
    ref TxHeader ITransactionalObject.StmHeader => ref _header;
    object ITransactionalObject.StmClone() => MemberwiseClone();
    void ITransactionalObject.StmPublish(object copy) { }
}

[Transactional]
public partial class Derived : ManualBase
{
    public partial int P { get; set; }
}
