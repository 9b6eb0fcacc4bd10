namespace Stm.Generated.Tests.Model;

/// <summary>A transactional record with a field-like event beside its transactional state.</summary>
[Transactional]
public partial record Notifier(string Name)
{
    /// <summary>Raised by <see cref="Raise"/>.</summary>
    public event System.Action<string>? Changed;

    /// <summary>A transactional counter.</summary>
    public partial int Count { get; set; }

    /// <summary>Raises <see cref="Changed"/> with <see cref="Name"/>.</summary>
    public void Raise() => Changed?.Invoke(Name);
}

/// <summary>The same record without Stm: what the compiler's own record members do with the event.</summary>
public record PlainNotifier(string Name)
{
    /// <summary>Raised by <see cref="Raise"/>.</summary>
    public event System.Action<string>? Changed;

    /// <summary>A plain counter.</summary>
    public int Count { get; set; }

    /// <summary>Raises <see cref="Changed"/> with <see cref="Name"/>.</summary>
    public void Raise() => Changed?.Invoke(Name);
}
