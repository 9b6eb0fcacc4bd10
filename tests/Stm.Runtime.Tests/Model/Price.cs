// A 16-byte decimal property: outside a transaction it must never be read torn. Hand-written in the shape the
// Stm generator writes a sealed [Transactional] class.
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public sealed partial class Price
{
    public partial decimal Amount { get; set; }
}

// ---- what the generator emits (Price.g.cs) ----
partial class Price : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Amount =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Price), "Amount");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private decimal __stm_Amount;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy (sealed: nothing derives from it).</summary>
    private void __stmPublish(object copy)
    {
        var source = (Price)copy;
        __stm_Amount = source.__stm_Amount;
    }

    private decimal __stmGet_Amount()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Amount, out long version);
            var value = source.__stm_Amount;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial decimal Amount
    {
        get => __stmGet_Amount();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Amount = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Amount(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Amount).__stm_Amount = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Amount, static (state, v) => state.__stm_Amount = v);
            }
        }
    }
}
