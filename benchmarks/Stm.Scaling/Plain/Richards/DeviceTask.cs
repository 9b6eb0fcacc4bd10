namespace Stm.Scaling.Plain.Richards;

/// <summary>Holds one packet at a time and sends it back when woken without one.</summary>
public sealed class DeviceTask : RichardsTask
{
    public DeviceTask(Scheduler scheduler) => Scheduler = scheduler;

    public Scheduler Scheduler { get; }

    public Packet? V1 { get; set; }

    public override TaskControlBlock? Run(Packet? packet)
    {
        if (packet is null)
        {
            Packet? pending = V1;
            if (pending is null)
            {
                return Scheduler.SuspendCurrent();
            }

            V1 = null;
            return Scheduler.Queue(pending);
        }

        V1 = packet;
        return Scheduler.HoldCurrent();
    }
}
