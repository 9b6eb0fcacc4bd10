namespace Stm.Scaling.Peer.Richards;

/// <summary>The behaviour of a Richards task: given the packet it received (or none), returns the task to run next.</summary>
public abstract class RichardsTask
{
    public abstract TaskControlBlock? Run(Packet? packet);
}
