// A [Transactional] class deriving from another one: the generator declares no header and no interface here; the
// properties use the base's __stm header and __stmPublish is overridden (base first). Hand-written in the shape
// the Stm generator writes it.
using Stm;

namespace Stm.Runtime.Tests.Model;

[Transactional]
public partial class Dog : Animal
{
    public partial long Tricks { get; set; }

    public partial string? Name { get; set; }
}

// ---- what the generator emits (Dog.g.cs) ----
partial class Dog
{
    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Tricks =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Dog), "Tricks");

    private static readonly global::Stm.Internal.TransactionalProperty __stmProperty_Name =
        global::Stm.Internal.TransactionalProperty.Register(typeof(Dog), "Name");

    private long __stm_Tricks;
    private string? __stm_Name;

    /// <summary>Copies the base class's fields, then this class's own, from a private copy.</summary>
    protected override void __stmPublish(object copy)
    {
        base.__stmPublish(copy);
        var source = (Dog)copy;
        __stm_Tricks = source.__stm_Tricks;
        __stm_Name = source.__stm_Name;
    }

    private long __stmGet_Tricks()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Tricks, out long version);
            var value = source.__stm_Tricks;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    private string? __stmGet_Name()
    {
        while (true)
        {
            var source = global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Name, out long version);
            var value = source.__stm_Name;
            if (global::Stm.Internal.Barrier.ReadIsValid(ref __stm, version))
            {
                return value;
            }
        }
    }

    public partial long Tricks
    {
        get => __stmGet_Tricks();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Tricks = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Tricks(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Tricks).__stm_Tricks = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Tricks, static (state, v) => state.__stm_Tricks = v);
            }
        }
    }

    public partial string? Name
    {
        get => __stmGet_Name();
        set
        {
            if (global::Stm.Internal.Barrier.IsFresh(ref __stm))
            {
                __stm_Name = value; // allocated by this transaction: nobody else can see it
                return;
            }

            // Writing the value the property already holds is a read, not a write: it does not conflict.
            if (global::Stm.Internal.Barrier.SameValue(__stmGet_Name(), value))
            {
                return;
            }

            if (global::Stm.Internal.Barrier.InTransaction)
            {
                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Name).__stm_Name = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Name, static (state, v) => state.__stm_Name = v);
            }
        }
    }
}
