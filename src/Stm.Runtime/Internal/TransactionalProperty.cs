using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Threading;

namespace Stm.Internal;

/// <summary>
/// The identity of one transactional property (declaring type and name). The generator gives every
/// partial property a static instance; barriers carry it so that every conflict is attributed to the
/// <c>Type.Property</c> it happened on.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TransactionalProperty
{
    private static readonly object s_gate = new();
    private static TransactionalProperty[] s_all = [new TransactionalProperty(typeof(object), "(unknown)", 0)];
    private static int s_count = 1;

    private TransactionalProperty(Type declaringType, string name, int index)
    {
        DeclaringType = declaringType;
        Name = name;
        Index = index;
        DisplayName = index == 0 ? name : FormatTypeName(declaringType) + "." + name;
    }

    /// <summary>The class that declares the property.</summary>
    public Type DeclaringType { get; }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary><c>Type.Property</c>, with generic arguments spelled out (for example <c>Box&lt;Int32&gt;.Value</c>).</summary>
    public string DisplayName { get; }

    /// <summary>Dense index of this property in the process-wide registry (0 is "unknown").</summary>
    internal int Index { get; }

    /// <summary>The placeholder used when a conflict cannot be attributed to a property.</summary>
    internal static TransactionalProperty Unknown => s_all[0];

    /// <summary>Registers a property. Called once per property (per generic instantiation) by generated code.</summary>
    /// <param name="declaringType">The class declaring the property.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The property's identity.</returns>
    public static TransactionalProperty Register(Type declaringType, string name)
    {
        ArgumentNullException.ThrowIfNull(declaringType);
        ArgumentNullException.ThrowIfNull(name);
        lock (s_gate)
        {
            var property = new TransactionalProperty(declaringType, name, s_count);
            if (s_count == s_all.Length)
            {
                Array.Resize(ref s_all, s_all.Length * 2);
            }

            s_all[s_count] = property;
            Volatile.Write(ref s_count, s_count + 1);
            return property;
        }
    }

    /// <summary>Looks a property up by <see cref="Index"/>; out-of-range indexes give <see cref="Unknown"/>.</summary>
    internal static TransactionalProperty FromIndex(int index)
    {
        TransactionalProperty[] all = Volatile.Read(ref s_all);
        return (uint)index < (uint)Volatile.Read(ref s_count) && (uint)index < (uint)all.Length ? all[index] : all[0];
    }

    /// <inheritdoc/>
    public override string ToString() => DisplayName;

    private static string FormatTypeName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var builder = new StringBuilder();
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        builder.Append(tick < 0 ? name : name[..tick]).Append('<');
        Type[] arguments = type.GetGenericArguments();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(FormatTypeName(arguments[i]));
        }

        return builder.Append('>').ToString();
    }

    internal static IReadOnlyList<TransactionalProperty> Snapshot()
    {
        lock (s_gate)
        {
            return s_all.AsSpan(0, s_count).ToArray();
        }
    }
}
