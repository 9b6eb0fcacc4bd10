// Two transactional longs in one object (an invariant between them must never be seen torn), hand-written in the
// shape the Stm generator writes a sealed [Transactional] class.
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public sealed partial class Pair
{
    public partial long X { get; set; }

    public partial long Y { get; set; }
}

// ---- what the generator emits (Pair.g.cs) ----
partial class Pair : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_X =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Pair), "X");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Y =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Pair), "Y");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_X;
    private long __stm_Y;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy (sealed: nothing derives from it).</summary>
    private void __stmPublish(object copy)
    {
        var source = (Pair)copy;
        __stm_X = source.__stm_X;
        __stm_Y = source.__stm_Y;
    }

    private long __stmGet_X()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_X, out long version);
            var value = source.__stm_X;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private long __stmGet_Y()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Y, out long version);
            var value = source.__stm_Y;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial long X
    {
        get => __stmGet_X();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_X = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_X(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_X).__stm_X = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_X, static (state, v) => state.__stm_X = v);
            }
        }
    }

    public partial long Y
    {
        get => __stmGet_Y();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Y = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Y(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Y).__stm_Y = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Y, static (state, v) => state.__stm_Y = v);
            }
        }
    }
}
