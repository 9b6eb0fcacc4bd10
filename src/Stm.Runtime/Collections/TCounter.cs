using System;
using System.Globalization;
using Interlocked = System.Threading.Interlocked;
using Volatile = System.Threading.Volatile;
using Stm.Engine;
using Stm.Internal;

namespace Stm.Collections;

/// <summary>
/// A transactional counter whose <see cref="Add"/> is commutative: transactions that only add to it never
/// conflict with each other (the seed's "reference counter" idea). Reading <see cref="Value"/> is an ordinary
/// transactional read: it conflicts with adds committed after it, so every run stays serializable.
/// </summary>
/// <remarks>
/// <para>Inside a transaction an add is buffered in the transaction and applied at commit; the transaction itself
/// sees its own adds in <see cref="Value"/>. Outside any transaction <see cref="Add"/> is an atomic one-add
/// transaction and <see cref="Value"/> reads the latest committed value.</para>
/// <para>A transaction that writes nothing else and adds only to this counter commits without the global commit
/// lock, into a cell of the counter private to its segment, so such transactions scale with cores. The first
/// such commit allocates the cells (128 bytes per segment).</para>
/// </remarks>
public sealed class TCounter : ITransactionalObject
{
    private static readonly TransactionalProperty s_valueProperty = TransactionalProperty.Register(typeof(TCounter), nameof(Value));

    private TxHeader _header = TxHeader.Create();
    private long _value; // adds committed under the commit lock (transactions that also write other objects)
    private CounterStripes? _stripes; // adds committed lock-free

    /// <summary>Creates a counter starting at <paramref name="initialValue"/>.</summary>
    /// <param name="initialValue">The starting value.</param>
    public TCounter(long initialValue = 0) => _value = initialValue;

    /// <summary>The counter's value, including this transaction's own pending adds.</summary>
    public long Value
    {
        get
        {
            Segment? segment = Segment.Current;
            if (segment is null)
            {
                return ReadOutside();
            }

            if (_header.Word == segment.FreshStamp)
            {
                return _value; // created by this transaction level: no one else has added to it, its adds went to _value
            }

            long committed;
            long version;
            do
            {
                committed = ReadVersioned(segment, out version);
            }
            while (!Barrier.ReadIsValid(ref _header, version));

            return committed + segment.ReadCounterStripes(this) + segment.PendingDelta(this);
        }
    }

    /// <summary>
    /// The part committed under the commit lock, through the read barrier (recorded in <paramref name="segment"/>'s
    /// read log, or, outside, waiting out a publishing commit); the caller confirms it with
    /// <see cref="Barrier.ReadIsValid"/> and <paramref name="version"/>.
    /// </summary>
    private long ReadVersioned(Segment? segment, out long version) =>
        Barrier.OpenRead(segment, ref _header, this, s_valueProperty, out version)._value;

    /// <summary>How many times <see cref="ReadOutside"/> tries to read the counter at one instant before it runs a transaction.</summary>
    private const int OutsideReadAttempts = 16;

    /// <summary>Adds <paramref name="delta"/> (which may be negative). Never conflicts with other adds.</summary>
    /// <param name="delta">The amount to add.</param>
    public void Add(long delta)
    {
        if (delta == 0)
        {
            return;
        }

        Segment? segment = Segment.Current;
        if (segment is null)
        {
            AddOutside(delta);
            return;
        }

        if (_header.Word == segment.FreshStamp)
        {
            _value += delta; // created by this transaction: nobody else can see it yet
            return;
        }

        segment.AddCommute(this, delta);
    }

    /// <summary>Adds one.</summary>
    public void Increment() => Add(1);

    /// <summary>
    /// <see cref="Add"/> outside any transaction: runs one. A method of its own because a lambda capturing a
    /// parameter makes the compiler allocate its closure on entry to the method that declares the parameter: inside
    /// <see cref="Add"/> that was 32 bytes on every add, in transactions too.
    /// </summary>
    private void AddOutside(long delta) => Atomic.Run(() => Add(delta));

    /// <summary>
    /// <see cref="Value"/> outside any transaction: the value at one instant. The two parts of the value, the adds
    /// committed under the commit lock (<c>_value</c>) and the lock-free cells, change independently, so reading one
    /// after the other can combine an old part with a new one into a value that was never committed (a locked +1
    /// missed and a lock-free -1 that followed it counted). So the cells are summed at one instant
    /// (<see cref="CounterStripes.TrySumAtOnce"/>) inside a sequence-lock read of <c>_value</c> that proves it
    /// unchanged over that instant. A stream of adds can keep that from succeeding; after a few attempts the read
    /// runs as a transaction instead, whose escalation (in the end, inevitable: lock-free adds then wait) ensures it ends.
    /// </summary>
    private long ReadOutside()
    {
        var spin = default(System.Threading.SpinWait);
        for (int attempt = 0; attempt < OutsideReadAttempts; attempt++)
        {
            long committed = ReadVersioned(null, out long version);
            CounterStripes? stripes = Volatile.Read(ref _stripes);
            long sum = 0;
            if ((stripes is null || stripes.TrySumAtOnce(out sum)) && Barrier.ReadIsValid(ref _header, version))
            {
                return committed + sum;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        return ReadInTransaction();
    }

    /// <summary>The fallback of <see cref="ReadOutside"/> (a method of its own: the delegate is allocated only here).</summary>
    private long ReadInTransaction() => Atomic.Run(() => Value);

    /// <summary>Subtracts one.</summary>
    public void Decrement() => Add(-1);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Applies committed adds; called by commit while it holds the counter's sequence lock.</summary>
    internal void ApplyCommitted(long delta) => _value += delta;

    /// <summary>The property that conflicts on a counter are reported against.</summary>
    internal static TransactionalProperty ValueProperty => s_valueProperty;

    /// <summary>The cells lock-free adds commit into, allocated by the first such commit.</summary>
    internal CounterStripes Stripes => Volatile.Read(ref _stripes) ?? CreateStripes();

    /// <summary>
    /// The sum of the lock-free adds committed so far, at one instant (0 before any); <see langword="false"/> if adds
    /// kept interrupting the collection (see <see cref="CounterStripes.TrySum"/>, which <paramref name="wait"/> goes to).
    /// </summary>
    internal bool TryStripeSum(bool wait, out long sum)
    {
        CounterStripes? stripes = Volatile.Read(ref _stripes);
        if (stripes is null)
        {
            sum = 0;
            return true;
        }

        return stripes.TrySum(wait, out sum);
    }

    private CounterStripes CreateStripes()
    {
        Interlocked.CompareExchange(ref _stripes, new CounterStripes(SegmentPool.All.Length), null);
        return _stripes!;
    }

    ref TxHeader ITransactionalObject.StmHeader => ref _header;

    object ITransactionalObject.StmClone() =>
        throw new InvalidOperationException("A TCounter is never written through a private copy; use Add.");

    void ITransactionalObject.StmPublish(object copy) =>
        throw new InvalidOperationException("A TCounter is never written through a private copy; use Add.");
}
