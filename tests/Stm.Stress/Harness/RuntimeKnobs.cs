using System;
using System.Reflection;
using System.Threading;

namespace Stm.Stress;

/// <summary>
/// Runtime internals some scenarios adjust, by reflection: the harness is an outside program, and the runtime exposes
/// these only to its own tests. If a member is renamed, the scenario fails with a message naming it (and this file is
/// the one place to update).
/// </summary>
internal static class RuntimeKnobs
{
    /// <summary>
    /// <c>RetryGate.SafetyNet</c> (default 1 s) wakes every transaction blocked in <see cref="Atomic.Retry"/> now and
    /// then, which would hide a lost wake-up; infinite makes a lost wake-up a permanent, detectable hang.
    /// </summary>
    public static void DisableRetrySafetyNet() => SetField("Stm.Engine.RetryGate", "SafetyNet", Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Solo mode (a thread running alone takes its locks without locked instructions) is normally tried every 10 ms
    /// and not for 100 ms after a revocation, and segment-pool pressure lasts a second; zero and 5 ms make entering
    /// and revoking the mode, and revoking idle reservations, happen thousands of times a second.
    /// </summary>
    public static void ShortenSoloModeIntervals()
    {
        SetField("Stm.Engine.SoloMode", "TryIntervalMilliseconds", 0L);
        SetField("Stm.Engine.SoloMode", "AfterRevocationMilliseconds", 0L);
        SetField("Stm.Engine.SegmentPool", "PressureMilliseconds", 5);
    }

    /// <summary>How often solo mode was revoked so far.</summary>
    public static long SoloRevocations => (long)GetProperty("Stm.Engine.SoloMode", "Revocations");

    /// <summary>How often the copy trimmer trimmed a segment so far.</summary>
    public static long CopyTrims => (long)GetProperty("Stm.Engine.CopyTrimmer", "Trims");

    private static void SetField(string typeName, string fieldName, object value)
    {
        FieldInfo field = RuntimeType(typeName).GetField(fieldName, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException($"the runtime has no static field {typeName}.{fieldName} any more: update {nameof(RuntimeKnobs)}");
        field.SetValue(null, value);
    }

    private static object GetProperty(string typeName, string propertyName)
    {
        PropertyInfo property = RuntimeType(typeName).GetProperty(propertyName, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException($"the runtime has no static property {typeName}.{propertyName} any more: update {nameof(RuntimeKnobs)}");
        return property.GetValue(null) ?? throw new InvalidOperationException($"{typeName}.{propertyName} returned null");
    }

    private static Type RuntimeType(string typeName) =>
        typeof(Atomic).Assembly.GetType(typeName)
        ?? throw new InvalidOperationException($"the runtime has no type {typeName} any more: update {nameof(RuntimeKnobs)}");
}
