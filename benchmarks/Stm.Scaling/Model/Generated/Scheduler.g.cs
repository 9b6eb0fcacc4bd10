// Stand-in for the Stm generator: written exactly as the generator emits a [Transactional] class
// (the shape of tests/Stm.Runtime.Tests/Model/Account.cs). Delete this file once the generator is referenced.
#nullable enable
namespace Stm.Scaling.Model.Richards;

partial class Scheduler : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_QueueCount =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Scheduler), "QueueCount");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_HoldCount =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Scheduler), "HoldCount");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_List =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Scheduler), "List");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_CurrentTcb =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Scheduler), "CurrentTcb");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_CurrentId =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Scheduler), "CurrentId");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_QueueCount;
    private long __stm_HoldCount;
    private TaskControlBlock? __stm_List;
    private TaskControlBlock? __stm_CurrentTcb;
    private int __stm_CurrentId;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    public partial long QueueCount
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_QueueCount).__stm_QueueCount;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_QueueCount).__stm_QueueCount, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_QueueCount).__stm_QueueCount = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_QueueCount, static (state, v) => state.__stm_QueueCount = v);
            }
        }
    }

    public partial long HoldCount
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_HoldCount).__stm_HoldCount;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_HoldCount).__stm_HoldCount, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_HoldCount).__stm_HoldCount = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_HoldCount, static (state, v) => state.__stm_HoldCount = v);
            }
        }
    }

    public partial TaskControlBlock? List
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_List).__stm_List;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_List).__stm_List, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_List).__stm_List = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_List, static (state, v) => state.__stm_List = v);
            }
        }
    }

    public partial TaskControlBlock? CurrentTcb
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_CurrentTcb).__stm_CurrentTcb;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_CurrentTcb).__stm_CurrentTcb, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_CurrentTcb).__stm_CurrentTcb = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_CurrentTcb, static (state, v) => state.__stm_CurrentTcb = v);
            }
        }
    }

    public partial int CurrentId
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_CurrentId).__stm_CurrentId;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_CurrentId).__stm_CurrentId, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_CurrentId).__stm_CurrentId = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_CurrentId, static (state, v) => state.__stm_CurrentId = v);
            }
        }
    }
}
