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

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy.</summary>
    private void __stmPublish(object copy)
    {
        var source = (Scheduler)copy;
        __stm_QueueCount = source.__stm_QueueCount;
        __stm_HoldCount = source.__stm_HoldCount;
        __stm_List = source.__stm_List;
        __stm_CurrentTcb = source.__stm_CurrentTcb;
        __stm_CurrentId = source.__stm_CurrentId;
    }

    private long __stmGet_QueueCount()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_QueueCount, out long version);
            var value = source.__stm_QueueCount;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private long __stmGet_HoldCount()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_HoldCount, out long version);
            var value = source.__stm_HoldCount;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private TaskControlBlock? __stmGet_List()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_List, out long version);
            var value = source.__stm_List;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private TaskControlBlock? __stmGet_CurrentTcb()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_CurrentTcb, out long version);
            var value = source.__stm_CurrentTcb;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_CurrentId()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_CurrentId, out long version);
            var value = source.__stm_CurrentId;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial long QueueCount
    {
        get => __stmGet_QueueCount();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_QueueCount(), value))
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
        get => __stmGet_HoldCount();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_HoldCount(), value))
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
        get => __stmGet_List();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_List(), value))
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
        get => __stmGet_CurrentTcb();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_CurrentTcb(), value))
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
        get => __stmGet_CurrentId();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_CurrentId(), value))
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
