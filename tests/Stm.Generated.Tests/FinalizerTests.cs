using System;
using System.Runtime.CompilerServices;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

/// <summary>
/// Private copies are made with <c>MemberwiseClone</c>, which registers a clone of a finalizable object for
/// finalization like any new object. A user's finalizer must run once per object the user created, never for
/// the runtime's copies (for a class that frees a native handle, a copy's finalizer would free it twice).
/// </summary>
public class FinalizerTests
{
    [Fact]
    public void Private_copies_of_a_finalizable_class_are_never_finalized()
    {
        Handle[] handles = CreateAndWriteMany(200);
        int before = FinalizedAfterFullCollection();

        WriteAllInOneTransaction(handles); // needs 200 copies at once: most are clones, dropped afterwards
        int after = FinalizedAfterFullCollection();

        Assert.Equal(0, before); // every Handle ever created is still alive: nothing may have been finalized
        Assert.Equal(0, after);
        GC.KeepAlive(handles);
        Assert.All(handles, h => Assert.Equal(2, h.Uses));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Handle[] CreateAndWriteMany(int count)
    {
        var handles = new Handle[count];
        for (int i = 0; i < count; i++)
        {
            handles[i] = new Handle();
        }

        WriteAllInOneTransaction(handles);
        return handles;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteAllInOneTransaction(Handle[] handles) => Atomic.Run(() =>
    {
        foreach (Handle handle in handles)
        {
            handle.Uses++;
        }
    });

    private static int FinalizedAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Handle.Finalized;
    }
}
