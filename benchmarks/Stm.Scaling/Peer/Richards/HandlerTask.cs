using LanguageExt;
using static LanguageExt.Prelude;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Peer.Richards;

/// <summary>Collects work packets and device packets, and sends the work's data words out one per device packet.</summary>
public sealed class HandlerTask : RichardsTask
{
    private readonly Ref<Packet?> _v1 = Ref<Packet?>(null);
    private readonly Ref<Packet?> _v2 = Ref<Packet?>(null);

    public HandlerTask(Scheduler scheduler) => Scheduler = scheduler;

    public Scheduler Scheduler { get; }

    public Packet? V1
    {
        get => _v1.Value;
        set => _v1.Value = value;
    }

    public Packet? V2
    {
        get => _v2.Value;
        set => _v2.Value = value;
    }

    public override TaskControlBlock? Run(Packet? packet)
    {
        if (packet is not null)
        {
            if (packet.Kind == KindWork)
            {
                V1 = packet.AddTo(V1);
            }
            else
            {
                V2 = packet.AddTo(V2);
            }
        }

        Packet? work = V1;
        if (work is not null)
        {
            int count = work.A1;
            if (count < DataSize)
            {
                Packet? device = V2;
                if (device is not null)
                {
                    V2 = device.Link;
                    device.A1 = work.GetData(count);
                    work.A1 = count + 1;
                    return Scheduler.Queue(device);
                }
            }
            else
            {
                V1 = work.Link;
                return Scheduler.Queue(work);
            }
        }

        return Scheduler.SuspendCurrent();
    }
}
