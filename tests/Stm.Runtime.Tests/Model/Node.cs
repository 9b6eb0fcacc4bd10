// A singly linked list node, hand-written exactly as the Stm generator writes a sealed [Transactional] class.
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

    public partial long Key
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Key).__stm_Key;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Key).__stm_Key, value))
                {
                    return;
                }

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
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Next).__stm_Next;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Next).__stm_Next, value))
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
