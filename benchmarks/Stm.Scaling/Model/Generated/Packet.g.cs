// Stand-in for the Stm generator: written exactly as the generator emits a [Transactional] class
// (the shape of tests/Stm.Runtime.Tests/Model/Account.cs). Delete this file once the generator is referenced.
#nullable enable
namespace Stm.Scaling.Model.Richards;

partial class Packet : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Link =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "Link");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Id =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "Id");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_A1 =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "A1");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_A20 =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "A20");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_A21 =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "A21");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_A22 =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "A22");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_A23 =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Packet), "A23");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private Packet? __stm_Link;
    private int __stm_Id;
    private int __stm_A1;
    private int __stm_A20;
    private int __stm_A21;
    private int __stm_A22;
    private int __stm_A23;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy.</summary>
    private void __stmPublish(object copy)
    {
        var source = (Packet)copy;
        __stm_Link = source.__stm_Link;
        __stm_Id = source.__stm_Id;
        __stm_A1 = source.__stm_A1;
        __stm_A20 = source.__stm_A20;
        __stm_A21 = source.__stm_A21;
        __stm_A22 = source.__stm_A22;
        __stm_A23 = source.__stm_A23;
    }

    private Packet? __stmGet_Link()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Link, out long version);
            var value = source.__stm_Link;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_Id()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Id, out long version);
            var value = source.__stm_Id;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_A1()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_A1, out long version);
            var value = source.__stm_A1;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_A20()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_A20, out long version);
            var value = source.__stm_A20;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_A21()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_A21, out long version);
            var value = source.__stm_A21;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_A22()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_A22, out long version);
            var value = source.__stm_A22;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private int __stmGet_A23()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_A23, out long version);
            var value = source.__stm_A23;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial Packet? Link
    {
        get => __stmGet_Link();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_Link(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Link).__stm_Link = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Link, static (state, v) => state.__stm_Link = v);
            }
        }
    }

    public partial int Id
    {
        get => __stmGet_Id();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_Id(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Id).__stm_Id = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Id, static (state, v) => state.__stm_Id = v);
            }
        }
    }

    public partial int A1
    {
        get => __stmGet_A1();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_A1(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_A1).__stm_A1 = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_A1, static (state, v) => state.__stm_A1 = v);
            }
        }
    }

    public partial int A20
    {
        get => __stmGet_A20();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_A20(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_A20).__stm_A20 = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_A20, static (state, v) => state.__stm_A20 = v);
            }
        }
    }

    public partial int A21
    {
        get => __stmGet_A21();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_A21(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_A21).__stm_A21 = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_A21, static (state, v) => state.__stm_A21 = v);
            }
        }
    }

    public partial int A22
    {
        get => __stmGet_A22();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_A22(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_A22).__stm_A22 = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_A22, static (state, v) => state.__stm_A22 = v);
            }
        }
    }

    public partial int A23
    {
        get => __stmGet_A23();
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(__stmGet_A23(), value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_A23).__stm_A23 = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_A23, static (state, v) => state.__stm_A23 = v);
            }
        }
    }
}
