// A non-sealed root [Transactional] class: it declares the (protected) header that derived classes share.
// Hand-written exactly as the Stm generator writes it.
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

    public partial long Legs
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Legs).__stm_Legs;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Legs).__stm_Legs, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Legs).__stm_Legs = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Legs, static (state, v) => state.__stm_Legs = v);
            }
        }
    }
}
