namespace Stm.Scaling.Workloads;

/// <summary>Constants of the Richards benchmark (task ids, packet kinds, task states, expected results).</summary>
internal static class RichardsConstants
{
    public const int IdIdle = 0;
    public const int IdWorker = 1;
    public const int IdHandlerA = 2;
    public const int IdHandlerB = 3;
    public const int IdDeviceA = 4;
    public const int IdDeviceB = 5;
    public const int NumberOfIds = 6;

    public const int KindDevice = 0;
    public const int KindWork = 1;

    public const int DataSize = 4;

    public const int StateRunning = 0;
    public const int StateRunnable = 1;
    public const int StateSuspended = 2;
    public const int StateHeld = 4;
    public const int StateSuspendedRunnable = StateSuspended | StateRunnable;
    public const int StateNotHeld = ~StateHeld;

    /// <summary>Idle-task iterations per run, and the queue/hold counts a correct run of that length ends with.</summary>
    public const int Count = 1000;
    public const long ExpectedQueueCount = 2322;
    public const long ExpectedHoldCount = 928;
}
