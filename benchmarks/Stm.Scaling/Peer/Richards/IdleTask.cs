using LanguageExt;
using static LanguageExt.Prelude;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Peer.Richards;

/// <summary>Counts down, waking the two device tasks alternately by a pseudo-random bit; holds itself at zero.</summary>
public sealed class IdleTask : RichardsTask
{
    private readonly Ref<int> _v1;
    private readonly Ref<int> _count;

    public IdleTask(Scheduler scheduler, int v1, int count)
    {
        Scheduler = scheduler;
        _v1 = Ref(v1);
        _count = Ref(count);
    }

    public Scheduler Scheduler { get; }

    public int V1
    {
        get => _v1.Value;
        set => _v1.Value = value;
    }

    public int Count
    {
        get => _count.Value;
        set => _count.Value = value;
    }

    public override TaskControlBlock? Run(Packet? packet)
    {
        Count--;
        if (Count == 0)
        {
            return Scheduler.HoldCurrent();
        }

        int v1 = V1;
        if ((v1 & 1) == 0)
        {
            V1 = v1 >> 1;
            return Scheduler.Release(IdDeviceA);
        }

        V1 = (v1 >> 1) ^ 0xD008;
        return Scheduler.Release(IdDeviceB);
    }
}
