using LanguageExt;
using static LanguageExt.Prelude;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Peer.Richards;

/// <summary>The scheduler's record of one task: its priority, its packet queue and its state bits.</summary>
public sealed class TaskControlBlock
{
    private readonly Ref<Packet?> _queue;
    private readonly Ref<int> _state;

    /// <param name="link">The next block of the scheduler's list.</param>
    /// <param name="id">The task's id.</param>
    /// <param name="priority">The task's priority.</param>
    /// <param name="queue">The packets queued for the task at the start.</param>
    /// <param name="task">The task's behaviour.</param>
    /// <param name="running">
    /// Whether the task starts running (the idle task). The model sets that state by a write after construction;
    /// here it is the <c>Ref</c>'s initial value, because the system is built outside any transaction and
    /// LanguageExt only lets a transaction write a <c>Ref</c>.
    /// </param>
    public TaskControlBlock(TaskControlBlock? link, int id, int priority, Packet? queue, RichardsTask task, bool running = false)
    {
        Link = link;
        Id = id;
        Priority = priority;
        Task = task;
        _queue = Ref(queue);
        _state = Ref(running ? StateRunning : queue is null ? StateSuspended : StateSuspendedRunnable);
    }

    public TaskControlBlock? Link { get; }

    public int Id { get; }

    public int Priority { get; }

    public RichardsTask Task { get; }

    public Packet? Queue
    {
        get => _queue.Value;
        set => _queue.Value = value;
    }

    public int State
    {
        get => _state.Value;
        set => _state.Value = value;
    }

    public void MarkAsNotHeld() => State &= StateNotHeld;

    public void MarkAsHeld() => State |= StateHeld;

    public void MarkAsSuspended() => State |= StateSuspended;

    public void MarkAsRunnable() => State |= StateRunnable;

    public bool IsHeldOrSuspended()
    {
        int state = State;
        return (state & StateHeld) != 0 || state == StateSuspended;
    }

    /// <summary>Runs the task, handing it the first queued packet if it was waiting for one.</summary>
    public TaskControlBlock? Run()
    {
        Packet? packet = null;
        if (State == StateSuspendedRunnable)
        {
            packet = Queue!;
            Queue = packet.Link;
            State = Queue is null ? StateRunning : StateRunnable;
        }

        return Task.Run(packet);
    }

    /// <summary>Queues <paramref name="packet"/> here; returns the task to run next (this one if it now outranks <paramref name="current"/>).</summary>
    public TaskControlBlock CheckPriorityAdd(TaskControlBlock current, Packet packet)
    {
        if (Queue is null)
        {
            Queue = packet;
            MarkAsRunnable();
            if (Priority > current.Priority)
            {
                return this;
            }
        }
        else
        {
            Queue = packet.AddTo(Queue);
        }

        return current;
    }
}
