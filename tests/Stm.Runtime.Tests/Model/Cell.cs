// A single transactional long, hand-written in the shape the Stm generator writes a sealed [Transactional] class
// (the header field and the publish method are private because nothing can derive from it).
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

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy (sealed: nothing derives from it).</summary>
    private void __stmPublish(object copy)
    {
        var source = (Cell)copy;
        __stm_Value = source.__stm_Value;
    }

    private long __stmGet_Value()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Value, out long version);
            var value = source.__stm_Value;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial long Value
    {
        get => __stmGet_Value();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Value = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Value(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Value).__stm_Value = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Value, static (state, v) => state.__stm_Value = v);
            }
        }
    }
}
