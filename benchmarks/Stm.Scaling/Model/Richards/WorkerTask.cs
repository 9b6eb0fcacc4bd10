using Stm;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Model.Richards;

/// <summary>Fills each work packet with data and sends it to the two handlers alternately.</summary>
[Transactional]
public sealed partial class WorkerTask : RichardsTask
{
    public WorkerTask(Scheduler scheduler, int v1, int v2)
    {
        Scheduler = scheduler;
        V1 = v1;
        V2 = v2;
    }

    public Scheduler Scheduler { get; }

    public partial int V1 { get; set; }

    public partial int V2 { get; set; }

    public override TaskControlBlock? Run(Packet? packet)
    {
        if (packet is null)
        {
            return Scheduler.SuspendCurrent();
        }

        V1 = V1 == IdHandlerA ? IdHandlerB : IdHandlerA;
        packet.Id = V1;
        packet.A1 = 0;
        for (int i = 0; i < DataSize; i++)
        {
            int v2 = V2 + 1;
            if (v2 > 26)
            {
                v2 = 1;
            }

            V2 = v2;
            packet.SetData(i, v2);
        }

        return Scheduler.Queue(packet);
    }
}
