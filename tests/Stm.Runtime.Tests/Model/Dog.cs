// A [Transactional] class deriving from another one: the generator declares no header and no interface here,
// the properties use the base's __stm header. Hand-written exactly as the Stm generator writes it.
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

    public partial long Tricks
    {
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Tricks).__stm_Tricks;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Tricks).__stm_Tricks, value))
                {
                    return;
                }

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
        get => global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Name).__stm_Name;
        set
        {
            if (global::Stm.Internal.Barrier.InTransaction)
            {
                if (global::Stm.Internal.Barrier.SameValue(global::Stm.Internal.Barrier.OpenRead(ref __stm, this, __stmProperty_Name).__stm_Name, value))
                {
                    return;
                }

                global::Stm.Internal.Barrier.OpenWrite(ref __stm, this, __stmProperty_Name).__stm_Name = value;
            }
            else
            {
                global::Stm.Internal.Barrier.WriteOutside(ref __stm, this, value, __stmProperty_Name, static (state, v) => state.__stm_Name = v);
            }
        }
    }
}
