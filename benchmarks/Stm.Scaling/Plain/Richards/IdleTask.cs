using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Plain.Richards;

/// <summary>Counts down, waking the two device tasks alternately by a pseudo-random bit; holds itself at zero.</summary>
public sealed class IdleTask : RichardsTask
{
    public IdleTask(Scheduler scheduler, int v1, int count)
    {
        Scheduler = scheduler;
        V1 = v1;
        Count = count;
    }

    public Scheduler Scheduler { get; }

    public int V1 { get; set; }

    public int Count { get; set; }

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
