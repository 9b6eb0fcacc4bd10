// Stand-in for the Stm generator: written exactly as the generator emits a [Transactional] class
// (the shape of tests/Stm.Runtime.Tests/Model/Account.cs). Delete this file once the generator is referenced.
#nullable enable
namespace Stm.Scaling.Model;

partial class ListNode : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Next =
        global::Stm.Internal.TransactionalProperty.Register(typeof(ListNode), "Next");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private ListNode? __stm_Next;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy.</summary>
    private void __stmPublish(object copy)
    {
        var source = (ListNode)copy;
        __stm_Next = source.__stm_Next;
    }

    private ListNode? __stmGet_Next()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Next, out long version);
            var value = source.__stm_Next;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial ListNode? Next
    {
        get => __stmGet_Next();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_Next(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Next).__stm_Next = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Next, static (state, v) => state.__stm_Next = v);
            }
        }
    }
}
