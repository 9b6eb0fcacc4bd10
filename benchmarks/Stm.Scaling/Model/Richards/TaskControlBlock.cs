using Stm;
using static Stm.Scaling.Workloads.RichardsConstants;

namespace Stm.Scaling.Model.Richards;

/// <summary>The scheduler's record of one task: its priority, its packet queue and its state bits.</summary>
[Transactional]
public sealed partial class TaskControlBlock
{
    public TaskControlBlock(TaskControlBlock? link, int id, int priority, Packet? queue, RichardsTask task)
    {
        Link = link;
        Id = id;
        Priority = priority;
        Task = task;
        Queue = queue;
        State = queue is null ? StateSuspended : StateSuspendedRunnable;
    }

    public TaskControlBlock? Link { get; }

    public int Id { get; }

    public int Priority { get; }

    public RichardsTask Task { get; }

    public partial Packet? Queue { get; set; }

    public partial int State { get; set; }

    public void SetRunning() => State = StateRunning;

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
