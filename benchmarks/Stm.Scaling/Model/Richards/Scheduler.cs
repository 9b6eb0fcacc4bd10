using Stm;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Model.Richards;

/// <summary>The Richards operating-system simulation: a priority scheduler over six tasks exchanging packets.</summary>
[Transactional]
public sealed partial class Scheduler
{
    // Filled while the system is set up, then only read (in the stm variant the whole system is created
    // inside the transaction that runs it, so nobody else ever sees the table).
    private readonly TaskControlBlock?[] _blocks = new TaskControlBlock?[NumberOfIds];

    public partial long QueueCount { get; set; }

    public partial long HoldCount { get; set; }

    public partial TaskControlBlock? List { get; set; }

    public partial TaskControlBlock? CurrentTcb { get; set; }

    public partial int CurrentId { get; set; }

    /// <summary>Builds the classic six-task system, runs it until every task is idle, and returns the scheduler.</summary>
    public static Scheduler RunOnce(int count)
    {
        var scheduler = new Scheduler();
        scheduler.AddRunningTask(IdIdle, 0, null, new IdleTask(scheduler, 1, count));

        var queue = new Packet(null, IdWorker, KindWork);
        queue = new Packet(queue, IdWorker, KindWork);
        scheduler.AddTask(IdWorker, 1000, queue, new WorkerTask(scheduler, IdHandlerA, 0));

        queue = new Packet(null, IdDeviceA, KindDevice);
        queue = new Packet(queue, IdDeviceA, KindDevice);
        queue = new Packet(queue, IdDeviceA, KindDevice);
        scheduler.AddTask(IdHandlerA, 2000, queue, new HandlerTask(scheduler));

        queue = new Packet(null, IdDeviceB, KindDevice);
        queue = new Packet(queue, IdDeviceB, KindDevice);
        queue = new Packet(queue, IdDeviceB, KindDevice);
        scheduler.AddTask(IdHandlerB, 3000, queue, new HandlerTask(scheduler));

        scheduler.AddTask(IdDeviceA, 4000, null, new DeviceTask(scheduler));
        scheduler.AddTask(IdDeviceB, 5000, null, new DeviceTask(scheduler));

        scheduler.Schedule();
        return scheduler;
    }

    public void Schedule()
    {
        CurrentTcb = List;
        TaskControlBlock? tcb;
        while ((tcb = CurrentTcb) is not null)
        {
            if (tcb.IsHeldOrSuspended())
            {
                CurrentTcb = tcb.Link;
            }
            else
            {
                CurrentId = tcb.Id;
                CurrentTcb = tcb.Run();
            }
        }
    }

    public TaskControlBlock? Release(int id)
    {
        TaskControlBlock? tcb = _blocks[id];
        if (tcb is null)
        {
            return null;
        }

        tcb.MarkAsNotHeld();
        TaskControlBlock current = CurrentTcb!;
        return tcb.Priority > current.Priority ? tcb : current;
    }

    public TaskControlBlock? HoldCurrent()
    {
        HoldCount++;
        TaskControlBlock current = CurrentTcb!;
        current.MarkAsHeld();
        return current.Link;
    }

    public TaskControlBlock SuspendCurrent()
    {
        TaskControlBlock current = CurrentTcb!;
        current.MarkAsSuspended();
        return current;
    }

    public TaskControlBlock? Queue(Packet packet)
    {
        TaskControlBlock? target = _blocks[packet.Id];
        if (target is null)
        {
            return null;
        }

        QueueCount++;
        packet.Link = null;
        packet.Id = CurrentId;
        return target.CheckPriorityAdd(CurrentTcb!, packet);
    }

    private void AddRunningTask(int id, int priority, Packet? queue, RichardsTask task)
    {
        AddTask(id, priority, queue, task);
        CurrentTcb!.SetRunning();
    }

    private void AddTask(int id, int priority, Packet? queue, RichardsTask task)
    {
        var tcb = new TaskControlBlock(List, id, priority, queue, task);
        List = tcb;
        CurrentTcb = tcb;
        _blocks[id] = tcb;
    }
}
