// Stand-in for the Stm generator: written exactly as the generator emits a [Transactional] class
// (the shape of tests/Stm.Runtime.Tests/Model/Account.cs). Delete this file once the generator is referenced.
#nullable enable
namespace Stm.Scaling.Model;

partial class Account : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Balance =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Account), "Balance");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_Balance;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    public partial long Balance
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Balance).__stm_Balance;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Balance).__stm_Balance, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Balance).__stm_Balance = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Balance, static (state, v) => state.__stm_Balance = v);
            }
        }
    }
}
