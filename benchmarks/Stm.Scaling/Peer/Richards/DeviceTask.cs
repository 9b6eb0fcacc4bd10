using LanguageExt;
using static LanguageExt.Prelude;

namespace Stm.Scaling.Peer.Richards;

/// <summary>Holds one packet at a time and sends it back when woken without one.</summary>
public sealed class DeviceTask : RichardsTask
{
    private readonly Ref<Packet?> _v1 = Ref<Packet?>(null);

    public DeviceTask(Scheduler scheduler) => Scheduler = scheduler;

    public Scheduler Scheduler { get; }

    public Packet? V1
    {
        get => _v1.Value;
        set => _v1.Value = value;
    }

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
