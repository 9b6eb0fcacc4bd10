// A single transactional long, hand-written exactly as the Stm generator writes a sealed [Transactional] class
// (the header field is private because nothing can derive from it).
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public sealed partial class Cell
{
    public Cell(long value) => Value = value;

    public partial long Value { get; set; }
}

// ---- what the generator emits (Cell.g.cs) ----
partial class Cell : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Value =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Cell), "Value");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_Value;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    public partial long Value
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Value).__stm_Value;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Value).__stm_Value, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Value).__stm_Value = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Value, static (state, v) => state.__stm_Value = v);
            }
        }
    }
}
