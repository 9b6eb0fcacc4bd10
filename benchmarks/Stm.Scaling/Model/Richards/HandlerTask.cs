using Stm;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Model.Richards;

/// <summary>Collects work packets and device packets, and sends the work's data words out one per device packet.</summary>
[Transactional]
public sealed partial class HandlerTask : RichardsTask
{
    public HandlerTask(Scheduler scheduler) => Scheduler = scheduler;

    public Scheduler Scheduler { get; }

    public partial Packet? V1 { get; set; }

    public partial Packet? V2 { get; set; }

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
