// A non-sealed root [Transactional] class: it declares the (protected) header and the virtual publish method that
// derived classes share. Hand-written in the shape the Stm generator writes it.
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public partial class Animal
{
    public partial long Legs { get; set; }
}

// ---- what the generator emits (Animal.g.cs) ----
partial class Animal : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Legs =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Animal), "Legs");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    protected global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_Legs;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy (derived classes override and call base).</summary>
    protected virtual void __stmPublish(object copy)
    {
        var source = (Animal)copy;
        __stm_Legs = source.__stm_Legs;
    }

    private long __stmGet_Legs()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Legs, out long version);
            var value = source.__stm_Legs;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial long Legs
    {
        get => __stmGet_Legs();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Legs = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Legs(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Legs).__stm_Legs = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Legs, static (state, v) => state.__stm_Legs = v);
            }
        }
    }
}
