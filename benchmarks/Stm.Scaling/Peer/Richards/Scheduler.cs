using LanguageExt;
using static LanguageExt.Prelude;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Peer.Richards;

/// <summary>The Richards operating-system simulation: a priority scheduler over six tasks exchanging packets.</summary>
/// <remarks>
/// The model's <c>RunOnce</c> builds the system and runs it in one transaction. LanguageExt cannot read or write a
/// <c>Ref</c> in the transaction that created it, so here the constructor builds the system (outside any
/// transaction: every initial state is a <c>Ref</c>'s initial value) and <see cref="Schedule"/> runs it (inside one).
/// </remarks>
public sealed class Scheduler
{
    // Filled by the constructor, then only read.
    private readonly TaskControlBlock?[] _blocks = new TaskControlBlock?[NumberOfIds];
    private readonly Ref<long> _queueCount = Ref(0L);
    private readonly Ref<long> _holdCount = Ref(0L);
    private readonly Ref<TaskControlBlock?> _list;
    private readonly Ref<TaskControlBlock?> _currentTcb;
    private readonly Ref<int> _currentId = Ref(0);

    /// <summary>Builds the classic six-task system, ready for <see cref="Schedule"/>.</summary>
    public Scheduler(int count)
    {
        TaskControlBlock list = AddTask(null, IdIdle, 0, null, new IdleTask(this, 1, count), running: true);

        var queue = new Packet(null, IdWorker, KindWork);
        queue = new Packet(queue, IdWorker, KindWork);
        list = AddTask(list, IdWorker, 1000, queue, new WorkerTask(this, IdHandlerA, 0));

        queue = new Packet(null, IdDeviceA, KindDevice);
        queue = new Packet(queue, IdDeviceA, KindDevice);
        queue = new Packet(queue, IdDeviceA, KindDevice);
        list = AddTask(list, IdHandlerA, 2000, queue, new HandlerTask(this));

        queue = new Packet(null, IdDeviceB, KindDevice);
        queue = new Packet(queue, IdDeviceB, KindDevice);
        queue = new Packet(queue, IdDeviceB, KindDevice);
        list = AddTask(list, IdHandlerB, 3000, queue, new HandlerTask(this));

        list = AddTask(list, IdDeviceA, 4000, null, new DeviceTask(this));
        list = AddTask(list, IdDeviceB, 5000, null, new DeviceTask(this));

        _list = Ref<TaskControlBlock?>(list);
        _currentTcb = Ref<TaskControlBlock?>(list);
    }

    public long QueueCount
    {
        get => _queueCount.Value;
        set => _queueCount.Value = value;
    }

    public long HoldCount
    {
        get => _holdCount.Value;
        set => _holdCount.Value = value;
    }

    public TaskControlBlock? List
    {
        get => _list.Value;
        set => _list.Value = value;
    }

    public TaskControlBlock? CurrentTcb
    {
        get => _currentTcb.Value;
        set => _currentTcb.Value = value;
    }

    public int CurrentId
    {
        get => _currentId.Value;
        set => _currentId.Value = value;
    }

    /// <summary>Runs the system until every task is idle. Must run inside a transaction (it writes <c>Ref</c>s).</summary>
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

    private TaskControlBlock AddTask(TaskControlBlock? list, int id, int priority, Packet? queue, RichardsTask task, bool running = false)
    {
        var tcb = new TaskControlBlock(list, id, priority, queue, task, running);
        _blocks[id] = tcb;
        return tcb;
    }
}
