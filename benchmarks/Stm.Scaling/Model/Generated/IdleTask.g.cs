// Stand-in for the Stm generator: written exactly as the generator emits a [Transactional] class
// (the shape of tests/Stm.Runtime.Tests/Model/Account.cs). Delete this file once the generator is referenced.
#nullable enable
namespace Stm.Scaling.Model.Richards;

partial class IdleTask : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_V1 =
        global::Stm.Internal.TransactionalProperty.Register(typeof(IdleTask), "V1");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Count =
        global::Stm.Internal.TransactionalProperty.Register(typeof(IdleTask), "Count");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private int __stm_V1;
    private int __stm_Count;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy.</summary>
    private void __stmPublish(object copy)
    {
        var source = (IdleTask)copy;
        __stm_V1 = source.__stm_V1;
        __stm_Count = source.__stm_Count;
    }

    private int __stmGet_V1()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_V1, out long version);
            var value = source.__stm_V1;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_Count()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Count, out long version);
            var value = source.__stm_Count;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial int V1
    {
        get => __stmGet_V1();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_V1(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_V1).__stm_V1 = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_V1, static (state, v) => state.__stm_V1 = v);
            }
        }
    }

    public partial int Count
    {
        get => __stmGet_Count();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_Count(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Count).__stm_Count = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Count, static (state, v) => state.__stm_Count = v);
            }
        }
    }
}
