// The reference for GeneratedAccessorBenchmarks: the same class as Box, its accessors written by hand as direct
// barrier calls in the shape of tests/Stm.Runtime.Tests/Model/Account.cs. It carries no [Transactional] attribute,
// so the generator leaves it alone; Box's accessors are whatever the generator emits.
using System.ComponentModel;
using Stm.Internal;

namespace Stm.Benchmarks.Model;

public sealed class HandWrittenBox : ITransactionalObject
{
    private static readonly TransactionalProperty s_valueProperty = TransactionalProperty.Register(typeof(HandWrittenBox), "Value");

    [EditorBrowsable(EditorBrowsableState.Never)]
    private TxHeader _header = TxHeader.Create();

    private long _value;

    public HandWrittenBox(long value) => Value = value;

    public long Value
    {
        get => ReadValue();
        set
        {
            if (Barrier.SameValue(ReadValue(), value))
            {
                return;
            }

            if (Barrier.InTransaction)
            {
                Barrier.OpenWrite(ref _header, this, s_valueProperty)._value = value;
            }
            else
            {
                Barrier.WriteOutside(ref _header, this, value, s_valueProperty, static (state, v) => state._value = v);
            }
        }
    }

    ref TxHeader ITransactionalObject.StmHeader => ref _header;

    object ITransactionalObject.StmClone() => MemberwiseClone();

    void ITransactionalObject.StmPublish(object copy) => _value = ((HandWrittenBox)copy)._value;

    private long ReadValue()
    {
        while (true)
        {
            HandWrittenBox source = Barrier.OpenRead(ref _header, this, s_valueProperty, out long version);
            long value = source._value;
            if (Barrier.ReadIsValid(ref _header, version))
            {
                return value;
            }
        }
    }
}
