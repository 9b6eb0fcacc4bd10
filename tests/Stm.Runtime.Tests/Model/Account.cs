// Hand-written in the shape the Stm generator writes a [Transactional] class (see docs/architecture.md; the generator's
// current accessors also inline the fresh-object test, and run in Stm.Generated.Tests):
//
//   [Transactional] public partial class Account { public partial long Balance { get; set; } ... }
//
// The runtime tests use it so they do not depend on the generator.
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public partial class Account
{
    public Account(string id, long balance)
    {
        Id = id;
        Balance = balance;
    }

    public string Id { get; }

    public partial long Balance { get; set; }

    public partial Account? Next { get; set; }
}

// ---- what the generator emits (Account.g.cs) ----
partial class Account : global::Stm.Internal.ITransactionalObject
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Balance =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Account), "Balance");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Next =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Account), "Next");

    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    protected global::Stm.Internal.TxHeader __stm = global::Stm.Internal.TxHeader.Create();

    private long __stm_Balance;
    private Account? __stm_Next;

    ref global::Stm.Internal.TxHeader global::Stm.Internal.ITransactionalObject.StmHeader => ref __stm;

    object global::Stm.Internal.ITransactionalObject.StmClone() => MemberwiseClone();

    void global::Stm.Internal.ITransactionalObject.StmPublish(object copy) => __stmPublish(copy);

    /// <summary>Copies this class's transactional fields from a private copy (derived classes override and call base).</summary>
    protected virtual void __stmPublish(object copy)
    {
        var source = (Account)copy;
        __stm_Balance = source.__stm_Balance;
        __stm_Next = source.__stm_Next;
    }

    private long __stmGet_Balance()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Balance, out long version);
            var value = source.__stm_Balance;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private Account? __stmGet_Next()
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

    public partial long Balance
    {
        get => __stmGet_Balance();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Balance = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Balance(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Balance).__stm_Balance = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Balance, static (state, v) => state.__stm_Balance = v);
            }
        }
    }

    public partial Account? Next
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
