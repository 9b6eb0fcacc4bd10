using LanguageExt;
using static LanguageExt.Prelude;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Peer.Richards;

/// <summary>Fills each work packet with data and sends it to the two handlers alternately.</summary>
public sealed class WorkerTask : RichardsTask
{
    private readonly Ref<int> _v1;
    private readonly Ref<int> _v2;

    public WorkerTask(Scheduler scheduler, int v1, int v2)
    {
        Scheduler = scheduler;
        _v1 = Ref(v1);
        _v2 = Ref(v2);
    }

    public Scheduler Scheduler { get; }

    public int V1
    {
        get => _v1.Value;
        set => _v1.Value = value;
    }

    public int V2
    {
        get => _v2.Value;
        set => _v2.Value = value;
    }

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
