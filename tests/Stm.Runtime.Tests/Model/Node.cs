// A singly linked list node, hand-written in the shape the Stm generator writes a sealed [Transactional] class.
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public sealed partial class Node
{
    public Node(long key, Node? next)
    {
        Key = key;
        Next = next;
    }

    public partial long Key { get; set; }

    public partial Node? Next { get; set; }
}

// ---- what the generator emits (Node.g.cs) ----
partial class Node : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Key =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Node), "Key");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Next =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Node), "Next");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    private global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_Key;
    private Node? __stm_Next;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy (sealed: nothing derives from it).</summary>
    private void __stmPublish(object copy)
    {
        var source = (Node)copy;
        __stm_Key = source.__stm_Key;
        __stm_Next = source.__stm_Next;
    }

    private long __stmGet_Key()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Key, out long version);
            var value = source.__stm_Key;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private Node? __stmGet_Next()
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

    public partial long Key
    {
        get => __stmGet_Key();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Key = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Key(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Key).__stm_Key = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Key, static (state, v) => state.__stm_Key = v);
            }
        }
    }

    public partial Node? Next
    {
        get => __stmGet_Next();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Next = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Next(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Next).__stm_Next = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Next, static (state, v) => state.__stm_Next = v);
            }
        }
    }
}
